using System.Collections.Concurrent;
using System.Diagnostics;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Bench;

/// <summary>
/// Seeds a realistic history through the public API: institutions of every kind, activities over 2021–2025 under
/// every measure (in batches of 1,000), then attendance, corrections, retractions and verifications on a share of
/// them (single calls, as partners make them), designations and volunteers.
/// </summary>
internal sealed class Seeder(Api api, string adminKey, int seed = 7)
{
    private static readonly string[] Kinds =
        ["lab_open_day", "campus_lecture", "volunteer_session", "competition", "teacher_training", "skills_training", "health_talk",
         "digital_skills_class", "cadre_training", "science_day_event", "exhibition", "media_work", "exchange_event", "emergency_drill", "psych_service"];

    private readonly Random _random = new(seed);

    public async Task<SeedReport> SeedAsync(long events, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var partners = await RegisterAsync(Math.Clamp((int)(events / 2500), 20, 400), Role.Partner, null);
        var units = new Dictionary<string, string>();
        foreach (var code in new[] { "EDU", "CAST", "UNION", "HEALTH", "ORGANIZATION", "PUBLICITY", "DRC-ST" })
        {
            units[code] = (await RegisterAsync(1, Role.Unit, code))[0].Key;
        }

        var verifiers = await VerifiersAsync(units);

        var amendments = events / 5;
        var reports = events - amendments;
        var reported = new ConcurrentBag<(Guid Id, string Key, string Kind)>();
        var batchClock = Stopwatch.StartNew();
        var perPartner = (int)Math.Ceiling(reports / (double)partners.Count);
        var batches = partners.SelectMany(p => Enumerable.Range(0, (int)Math.Ceiling(perPartner / 1000.0)).Select(b => (Partner: p, Batch: b))).ToList();
        var sent = 0L;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (work, _) =>
        {
            var size = (int)Math.Min(1000, Math.Max(0, reports - Interlocked.Read(ref sent)));
            if (size == 0)
            {
                return;
            }

            Interlocked.Add(ref sent, size);
            var random = new Random(HashCode.Combine(seed, work.Partner.Key, work.Batch));
            var items = Enumerable.Range(0, size).Select(i => Report(random, $"{work.Partner.Id:N}-{work.Batch}-{i}")).ToList();
            var answer = await api.PostAsync("/api/v1/activities/batch", work.Partner.Key, new { items });
            foreach (var result in answer.GetProperty("items").EnumerateArray())
            {
                if (result.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    reported.Add((id.GetGuid(), work.Partner.Key, items[result.GetProperty("index").GetInt32()].Kind));
                }
            }
        });
        var batchSeconds = batchClock.Elapsed.TotalSeconds;
        log($"  reported {reported.Count} activities in batches: {reported.Count / batchSeconds:0} events/s");

        var targets = reported.OrderBy(_ => _random.Next()).Take((int)amendments).ToList();
        var amended = 0L;
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (target, _) =>
        {
            var pick = Random.Shared.Next(100);
            var url = $"/api/v1/activities/{target.Id}";
            if (pick < 30)
            {
                await api.PostAsync($"{url}/verification", verifiers[target.Kind], new VerifyActivity(VerificationDecision.Verified));
            }
            else if (pick < 65)
            {
                await api.PostAsync($"{url}/attendance", target.Key, new RecordAttendance(1, Youth: 1 + Random.Shared.Next(40)));
            }
            else if (pick < 90)
            {
                await api.PostAsync($"{url}/corrections", target.Key, new CorrectActivity(1, Attendance: new AudienceCounts(Youth: Random.Shared.Next(400), Public: Random.Shared.Next(50))));
            }
            else
            {
                await api.PostAsync($"{url}/retraction", target.Key, new RetractActivity(1, "重复上报"));
            }

            Interlocked.Increment(ref amended);
        });
        log($"  amended {amended} activities (attendance, corrections, retractions, verifications)");

        foreach (var (kind, unit, count) in new[] { (DesignationKind.CertifiedCommunity, "CAST", 40), (DesignationKind.ScienceBase, "CAST", 20), (DesignationKind.BackboneTeacher, "EDU", 12), (DesignationKind.ModelWorkerStudio, "UNION", 6) })
        {
            for (var i = 0; i < count; i++)
            {
                await api.PostAsync("/api/v1/designations", units[unit], new RecordDesignation(kind, $"{kind}-{i}", i % 4 == 0 ? DesignationLevel.District : DesignationLevel.City,
                    new DateOnly(2021 + (i % 5), 1 + (i % 12), 1), TeachingSubject: kind == DesignationKind.BackboneTeacher ? "physics" : null));
            }
        }

        for (var i = 0; i < 300; i++)
        {
            await api.PostAsync("/api/v1/volunteers", partners[i % partners.Count].Key, new RegisterVolunteer(ResidentNumber(i), new DateOnly(2021 + (i % 5), 3, 1)));
        }

        return new SeedReport(reported.Count, amended, batchSeconds, clock.Elapsed.TotalSeconds, partners.Count);
    }

    /// <summary>For each activity kind, the key of a unit that leads one of its default measures, as the plan names them.</summary>
    private async Task<Dictionary<string, string>> VerifiersAsync(Dictionary<string, string> units)
    {
        var plan = await api.GetAsync("/api/v1/plan", adminKey);
        var leads = plan.GetProperty("measures").EnumerateArray().ToDictionary(
            m => m.GetProperty("code").GetString()!, m => m.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()!).ToList());
        return plan.GetProperty("activityKinds").EnumerateArray()
            .Select(k => (Kind: k.GetProperty("code").GetString()!, Unit: k.GetProperty("defaultMeasures").EnumerateArray()
                .SelectMany(m => leads[m.GetString()!]).FirstOrDefault(units.ContainsKey)))
            .Where(k => k.Unit is not null)
            .ToDictionary(k => k.Kind, k => units[k.Unit!]);
    }

    private static ReportActivity Report(Random random, string reference)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var day = new DateOnly(2021, 1, 1).AddDays(random.Next(5 * 365));
        var youth = kind is "competition" or "lab_open_day" or "campus_lecture" ? 20 + random.Next(400) : random.Next(30);
        return new ReportActivity(reference, kind, $"{kind} {reference}", day, Venue: "鼓楼区", Community: $"社区{random.Next(60)}",
            Attendance: new AudienceCounts(Youth: youth, Workers: random.Next(50), Elderly: random.Next(80), Cadres: random.Next(10), Public: random.Next(200)),
            VolunteerHours: kind == "volunteer_session" ? random.Next(1, 40) : 0);
    }

    private async Task<List<(Guid Id, string Key)>> RegisterAsync(int count, Role role, string? unitCode)
    {
        var kinds = Enum.GetValues<InstitutionKind>();
        var registered = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var name = role == Role.Unit ? $"unit {unitCode}" : $"institution {i:0000} {Guid.NewGuid():N}";
            var institution = await api.PostAsync("/api/v1/institutions", adminKey, new RegisterInstitution(name, role == Role.Unit ? InstitutionKind.Government : kinds[i % kinds.Length], role, unitCode));
            var id = institution.GetProperty("id").GetGuid();
            var key = (await api.PostAsync($"/api/v1/institutions/{id}/keys", adminKey)).GetProperty("key").GetString()!;
            registered.Add((id, key));
        }

        return registered;
    }

    /// <summary>A valid 18-character resident number for person <paramref name="n"/> (check character per GB 11643).</summary>
    private static string ResidentNumber(int n)
    {
        var body = $"350102{1960 + (n % 40)}0101{n % 1000:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}

internal sealed record SeedReport(int Activities, long Amended, double BatchSeconds, double TotalSeconds, int Partners);
