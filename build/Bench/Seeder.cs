using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Bench;

/// <summary>
/// Seeds a realistic history through the public API: institutions of every kind, activities over 2021–2025 under
/// every measure (in batches of up to 1,000 per partner), then attendance, corrections, retractions and verifications
/// on a share of them (single calls, as partners make them), designations and volunteers. Each step adds to what the
/// state file says earlier steps registered; references carry the run's name, so no step resends another's.
/// </summary>
internal sealed class Seeder(Api api, string adminKey, SeedState state, string run)
{
    private static readonly string[] Kinds =
        ["lab_open_day", "campus_lecture", "volunteer_session", "competition", "teacher_training", "skills_training", "health_talk",
         "digital_skills_class", "cadre_training", "science_day_event", "exhibition", "media_work", "exchange_event", "emergency_drill", "psych_service"];

    private static readonly string[] UnitCodes = ["EDU", "CAST", "UNION", "HEALTH", "ORGANIZATION", "PUBLICITY", "DRC-ST"];

    private readonly Random _random = new(HashCode.Combine(7, run));

    public async Task<SeedReport> SeedAsync(long events, int institutions, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await RegisterPartnersAsync(institutions);
        foreach (var code in UnitCodes.Where(c => !state.Units.ContainsKey(c)))
        {
            state.Units[code] = (await RegisterAsync($"unit {code}", InstitutionKind.Government, Role.Unit, code)).Key;
            state.Save();
        }

        var verifiers = await VerifiersAsync(state.Units);
        var partners = state.Partners;
        var amendments = events / 5;
        var reports = events - amendments;
        var reported = new ConcurrentBag<(Guid Id, string Key, string Kind)>();
        var batchClock = Stopwatch.StartNew();
        var perPartner = (long)Math.Ceiling(reports / (double)partners.Count);
        var batches = partners
            .Select((p, n) => (Partner: p, Number: n, Share: Math.Clamp(reports - (n * perPartner), 0, perPartner)))
            .SelectMany(p => Enumerable.Range(0, (int)Math.Ceiling(p.Share / 1000.0)).Select(b => (p.Partner, p.Number, Batch: b, Size: (int)Math.Min(1000, p.Share - (b * 1000L)))))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (work, _) =>
        {
            var random = new Random(HashCode.Combine(run, work.Number, work.Batch));
            var items = Enumerable.Range(0, work.Size).Select(i => Report(random, $"{run}-{work.Number}-{work.Batch}-{i}")).ToList();
            foreach (var (index, id) in Created(await api.PostAsync("/api/v1/activities/batch", work.Partner.Key, new { items })))
            {
                reported.Add((id, work.Partner.Key, items[index].Kind));
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

        if (!state.FixedHistory)
        {
            await DesignationsAndVolunteersAsync(partners);
            state.FixedHistory = true;
            state.Save();
        }

        return new SeedReport(reported.Count, amended, batchSeconds, clock.Elapsed.TotalSeconds, partners.Count);
    }

    /// <summary>Registers partners until the state holds <paramref name="count"/>, for a batch load on an empty history.</summary>
    public async Task<int> PartnersAsync(int count)
    {
        await RegisterPartnersAsync(count);
        return state.Partners.Count;
    }

    /// <summary>
    /// Batches of 1,000 new activities, <paramref name="concurrency"/> at a time, each from the next partner in turn. The
    /// bodies are serialized before the clock starts and the answers are counted as they are read, so that the time is
    /// the service's, not this client's (which runs on the same machine).
    /// </summary>
    public async Task<BatchLoad> BatchesAsync(int count, int concurrency)
    {
        var bodies = Enumerable.Range(0, count).Select(batch =>
        {
            var random = new Random(HashCode.Combine(run, batch));
            var items = Enumerable.Range(0, 1000).Select(i => Report(random, $"{run}-{batch}-{i}")).ToList();
            return (Key: state.Partners[batch % state.Partners.Count].Key, Body: JsonSerializer.SerializeToUtf8Bytes(new { items }, Api.Json), Items: items.Count);
        }).ToList();
        var created = 0;
        var sent = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, _) =>
        {
            var answer = await api.PostBytesAsync("/api/v1/activities/batch", batch.Key, batch.Body);
            Interlocked.Add(ref created, CreatedCount(answer));
            Interlocked.Add(ref sent, batch.Items);
        });
        return new BatchLoad(created, sent - created, clock.Elapsed.TotalSeconds);
    }

    /// <summary>How many items of a batch's answer were stored as new activities, read without building a document.</summary>
    private static int CreatedCount(byte[] answer)
    {
        var reader = new Utf8JsonReader(answer);
        var created = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("outcome"u8) && reader.Read() && reader.ValueTextEquals("created"u8))
            {
                created++;
            }
        }

        return created;
    }

    /// <summary>The items of a batch's answer that were stored as new activities, by their index in the batch.</summary>
    private static IEnumerable<(int Index, Guid Id)> Created(JsonElement answer) => answer.GetProperty("items").EnumerateArray()
        .Where(r => r.GetProperty("outcome").GetString() == "created")
        .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("id").GetGuid()));

    private async Task DesignationsAndVolunteersAsync(List<Registered> partners)
    {
        foreach (var (kind, unit, count) in new[] { (DesignationKind.CertifiedCommunity, "CAST", 40), (DesignationKind.ScienceBase, "CAST", 20), (DesignationKind.BackboneTeacher, "EDU", 12), (DesignationKind.ModelWorkerStudio, "UNION", 6) })
        {
            for (var i = 0; i < count; i++)
            {
                await api.PostAsync("/api/v1/designations", state.Units[unit], new RecordDesignation(kind, $"{kind}-{i}", i % 4 == 0 ? DesignationLevel.District : DesignationLevel.City,
                    new DateOnly(2021 + (i % 5), 1 + (i % 12), 1), TeachingSubject: kind == DesignationKind.BackboneTeacher ? "physics" : null));
            }
        }

        for (var i = 0; i < 300; i++)
        {
            await api.PostAsync("/api/v1/volunteers", partners[i % partners.Count].Key, new RegisterVolunteer(ResidentNumber(i), new DateOnly(2021 + (i % 5), 3, 1)));
        }
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

    /// <summary>Registers partners of every kind, with a key each, until the state holds <paramref name="count"/>.</summary>
    private async Task RegisterPartnersAsync(int count)
    {
        var kinds = Enum.GetValues<InstitutionKind>();
        for (var i = state.Partners.Count; i < count; i++)
        {
            state.Partners.Add(await RegisterAsync($"institution {i:00000} {run}", kinds[i % kinds.Length], Role.Partner, null));
            if (i % 100 == 99)
            {
                state.Save();
            }
        }

        state.Save();
    }

    private async Task<Registered> RegisterAsync(string name, InstitutionKind kind, Role role, string? unitCode)
    {
        var institution = await api.PostAsync("/api/v1/institutions", adminKey, new RegisterInstitution(name, kind, role, unitCode));
        var id = institution.GetProperty("id").GetGuid();
        return new Registered(id, (await api.PostAsync($"/api/v1/institutions/{id}/keys", adminKey)).GetProperty("key").GetString()!);
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

internal sealed record BatchLoad(int Created, int Other, double Seconds);

internal sealed record Registered(Guid Id, string Key);

/// <summary>What earlier steps registered: partners with their keys, the units' keys, whether designations and volunteers are in.</summary>
internal sealed class SeedState
{
    public List<Registered> Partners { get; init; } = [];

    public Dictionary<string, string> Units { get; init; } = [];

    public bool FixedHistory { get; set; }

    [JsonIgnore]
    public string File { get; private set; } = "";

    public static SeedState Load(string file)
    {
        var state = System.IO.File.Exists(file) ? JsonSerializer.Deserialize<SeedState>(System.IO.File.ReadAllText(file), Api.Json)! : new SeedState();
        state.File = file;
        return state;
    }

    public void Save() => System.IO.File.WriteAllText(File, JsonSerializer.Serialize(this, Api.Json));
}
