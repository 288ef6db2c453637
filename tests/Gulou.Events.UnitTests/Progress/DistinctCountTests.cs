using System.Text.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Tests;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>
/// Distinct institutions kept incrementally: the members of the shared rollups move as records come, change and go,
/// and the rollups' institution counts with them. Each test checks the documents against a recount from scratch of
/// every record's contributions (<see cref="AssertCountsHold"/>) besides the figures it names.
/// </summary>
public sealed class DistinctCountTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly AudienceCounts Youth = new(Youth: 30);

    [Fact]
    public async Task A_record_moving_to_another_host_moves_the_institution_it_counts_for()
    {
        var history = new History();
        var (reporter, lab, otherLab) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var id = history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 1), Youth, reporter, lab);
        await history.FoldAsync();
        Assert.Equal([lab], history.Counted("target/T-LAB-OPEN/2023"));

        history.Append(id, Corrected(id, "lab_open_day", new DateOnly(2023, 5, 1), otherLab));
        var rollups = await history.FoldAsync(batchSize: 1);

        Assert.Equal([otherLab], history.Counted("target/T-LAB-OPEN/2023"));
        Assert.DoesNotContain(history.Folded.Members, m => m.InstitutionId == lab);
        Assert.Equal((1, 1), (rollups["target/T-LAB-OPEN/2023"].Official.DistinctInstitutions, rollups["target/T-LAB-OPEN/2023"].Official.NewInstitutions));
        // The reporter stays the reporter: the total counts it, the target its host.
        Assert.Equal([reporter], history.Counted("total/2023"));
        Assert.Equal((1m, 0m), await history.TargetAsync("T-LAB-OPEN", 2023));
        await AssertCountsHold(history);
    }

    [Fact]
    public async Task An_institution_leaves_a_rollup_when_its_last_record_there_is_retracted()
    {
        var history = new History();
        var (fzu, fjnu) = (Guid.NewGuid(), Guid.NewGuid());
        var first = history.Report("competition", new DateOnly(2023, 3, 1), Youth, fzu);
        var second = history.Report("competition", new DateOnly(2023, 4, 1), Youth, fzu);
        var other = history.Report("competition", new DateOnly(2023, 5, 1), Youth, fjnu);
        history.Append(first, new ActivityVerified(first, Unit, null));

        history.Append(first, new ActivityRetracted(first, "duplicate"));
        var rollups = await history.FoldAsync();
        Assert.Equal(new[] { fzu, fjnu }.Order(), history.Counted("measure/ACT-03/2023"));
        Assert.Empty(history.Counted("measure/ACT-03/2023", official: false));
        Assert.Equal(0, rollups["total/2023"].Verified.DistinctInstitutions);

        history.Append(second, new ActivityRetracted(second, "duplicate"));
        rollups = await history.FoldAsync();
        Assert.Equal([fjnu], history.Counted("measure/ACT-03/2023"));
        Assert.Equal((1, 1), (rollups["total/2023"].Official.DistinctInstitutions, rollups["total/2023"].Official.NewInstitutions));
        Assert.DoesNotContain(history.Folded.Members, m => m.InstitutionId == fzu);
        await AssertCountsHold(history);

        history.Append(other, new ActivityRetracted(other, "duplicate"));
        Assert.Empty(await history.FoldAsync());
        Assert.Empty(history.Folded.Members);
    }

    [Fact]
    public async Task An_institution_counted_again_in_a_later_year_is_new_in_the_first_year_it_counts()
    {
        var history = new History();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var early = history.Report("lab_open_day", new DateOnly(2022, 5, 1), Youth, a);
        history.Report("lab_open_day", new DateOnly(2024, 5, 1), Youth, a);
        history.Report("lab_open_day", new DateOnly(2024, 6, 1), Youth, b);

        var rollups = await history.FoldAsync();
        Assert.Equal((1, 1), (rollups["target/T-LAB-OPEN/2022"].Official.DistinctInstitutions, rollups["target/T-LAB-OPEN/2022"].Official.NewInstitutions));
        Assert.Equal((2, 1), (rollups["target/T-LAB-OPEN/2024"].Official.DistinctInstitutions, rollups["target/T-LAB-OPEN/2024"].Official.NewInstitutions));
        Assert.Equal([1m, 1m, 2m], await Series(history, "T-LAB-OPEN", 2022, 2023, 2024));
        // Over the period a measure counts each institution once; in a year, those of the year.
        var measure = rollups.Where(r => r.Key.StartsWith("measure/ACT-02/", StringComparison.Ordinal)).Select(r => r.Value).ToList();
        Assert.Equal(2, Figures.Describe(measure, official: true, overPeriod: true).Institutions);
        Assert.Equal(3, Figures.Describe(measure, official: true, overPeriod: true).Activities);
        Assert.Equal(2, Figures.Describe(measure.Where(r => r.Year == 2024), official: true, overPeriod: false).Institutions);

        // Without its 2022 open day, the lab is first counted in 2024.
        history.Append(early, new ActivityRetracted(early, "wrong year"));
        rollups = await history.FoldAsync();
        Assert.False(rollups.ContainsKey("target/T-LAB-OPEN/2022"));
        Assert.Equal((2, 2), (rollups["target/T-LAB-OPEN/2024"].Official.DistinctInstitutions, rollups["target/T-LAB-OPEN/2024"].Official.NewInstitutions));
        Assert.Equal([0m, 0m, 2m], await Series(history, "T-LAB-OPEN", 2022, 2023, 2024));
        await AssertCountsHold(history);
    }

    [Fact]
    public async Task A_school_leaves_a_years_coverage_when_what_reached_it_no_longer_counts_and_a_school_registered_later_covers_what_reached_it()
    {
        var history = new History();
        var first = history.Register("鼓楼第一中心小学", InstitutionKind.School, SchoolStage.Primary);
        history.Register("福州第十六中学", InstitutionKind.School, SchoolStage.JuniorSecondary);
        var visit = history.Report("competition", new DateOnly(2023, 4, 1), Youth, first);
        var later = Guid.NewGuid();
        history.Report("campus_lecture", new DateOnly(2023, 9, 1), Youth, later);

        var rollups = await history.FoldAsync();
        Assert.Equal((2, 1), (rollups["target/T-SCHOOLS/0"].Official.DistinctInstitutions, rollups["target/T-SCHOOLS/2023"].Official.Covered));
        Assert.Equal((50m, 0m), await history.TargetAsync("T-SCHOOLS", 2023));

        // The school reporting the lecture registers after it: the register grows, and so does 2023's coverage.
        history.Append(later, new InstitutionRegistered(later, "福州第三中学", InstitutionKind.School, Role.Partner, null, [], [SchoolStage.SeniorSecondary]));
        rollups = await history.FoldAsync();
        Assert.Equal((3, 2), (rollups["target/T-SCHOOLS/0"].Official.DistinctInstitutions, rollups["target/T-SCHOOLS/2023"].Official.Covered));
        Assert.Equal(66.6667m, (await history.TargetAsync("T-SCHOOLS", 2023)).Official);

        // The competition is rejected: the first school is still registered, no longer covered in 2023.
        history.Append(visit, new ActivityRejected(visit, Unit, "no evidence"));
        rollups = await history.FoldAsync(batchSize: 2);
        Assert.Equal((3, 1), (rollups["target/T-SCHOOLS/0"].Official.DistinctInstitutions, rollups["target/T-SCHOOLS/2023"].Official.Covered));
        Assert.Equal([later], history.Counted("target/T-SCHOOLS/2023"));
        var member = Assert.Single(history.Folded.Members, m => m.InstitutionId == first && m.Series.EndsWith("/target/T-SCHOOLS", StringComparison.Ordinal));
        Assert.Equal([RollupKey.RegisterYear], member.Years.Select(y => y.Year));
        await AssertCountsHold(history);
    }

    [Fact]
    public async Task Batches_cut_at_every_point_give_the_documents_of_one_batch()
    {
        var history = Mixed(new Random(11), events: 40);

        var whole = await DocumentsAsync(history, [history.Log.Count]);
        await AssertCountsHold(history);
        for (var cut = 1; cut < history.Log.Count; cut++)
        {
            Assert.Equal(whole, await DocumentsAsync(history, [cut, history.Log.Count - cut]));
        }

        Assert.Equal(whole, await DocumentsAsync(history, Enumerable.Repeat(1, history.Log.Count).ToArray()));
    }

    [Fact]
    public async Task A_plan_version_that_moves_a_targets_period_moves_the_year_its_institutions_are_new_in()
    {
        const string next = "test-fixture-2026-2030";
        var fixture = PlanCatalogReader.Read(File.ReadAllBytes(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"))).Catalog!;
        var shippedLab = TestPlan.Shipped.Target("T-LAB-OPEN")!;
        PlanCatalog WithLab(int from) => fixture with
        {
            Targets = [.. fixture.Targets, shippedLab with { Code = "FX-T-LAB", Measure = "FX-02", Period = new PlanPeriod(from, 2030), Deadline = new DateOnly(2030, 12, 31) }],
        };
        var history = new History();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var stream = DistrictPlanBook.StreamOf(next);
        // A published version is known by its content hash: these are hashes no other test publishes.
        history.Append(stream, new PlanCatalogPublished(next, "lab-from-2027", DateTimeOffset.UnixEpoch, "admin", WithLab(2027)));
        history.Report("lab_open_day", new DateOnly(2026, 5, 1), Youth, a, "FX-02");
        history.Report("lab_open_day", new DateOnly(2027, 5, 1), Youth, a, "FX-02");
        history.Report("lab_open_day", new DateOnly(2028, 5, 1), Youth, b, "FX-02");
        await history.FoldAsync();
        var v1 = Rollups(history, next);
        Assert.Equal((0, 1, 1), (v1["target/FX-T-LAB/2026"].Official.NewInstitutions, v1["target/FX-T-LAB/2027"].Official.NewInstitutions, v1["target/FX-T-LAB/2028"].Official.NewInstitutions));
        await AssertCountsHold(history);

        history.Append(stream, new PlanCatalogPublished(next, "lab-from-2026", DateTimeOffset.UnixEpoch.AddDays(1), "admin", WithLab(2026)));
        var whole = await DocumentsAsync(history, [history.Log.Count]);
        await history.FoldAsync();
        var v2 = Rollups(history, next);
        Assert.Equal((1, 0, 1), (v2["target/FX-T-LAB/2026"].Official.NewInstitutions, v2["target/FX-T-LAB/2027"].Official.NewInstitutions, v2["target/FX-T-LAB/2028"].Official.NewInstitutions));
        await AssertCountsHold(history);
        for (var cut = 1; cut < history.Log.Count; cut++)
        {
            Assert.Equal(whole, await DocumentsAsync(history, [cut, history.Log.Count - cut]));
        }
    }

    /// <summary>A log of activities of a few reporters and hosts over the years, corrected, decided and retracted, and schools registered between them.</summary>
    private static History Mixed(Random random, int events)
    {
        var history = new History();
        Guid[] institutions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var schools = new List<Guid>();
        var ids = new List<(Guid Id, string Kind)>();
        Guid Pick() => random.Next(3) == 0 && schools.Count > 0 ? schools[random.Next(schools.Count)] : institutions[random.Next(institutions.Length)];
        DateOnly Day() => new(2021 + random.Next(5), 1 + random.Next(12), 1 + random.Next(28));
        while (history.Log.Count < events)
        {
            var kind = new[] { "competition", "lab_open_day", "campus_lecture", "health_talk" }[random.Next(4)];
            ids.Add((history.ReportHosted(kind, Day(), new AudienceCounts(Youth: random.Next(2) * 10, Elderly: 5), Pick(), random.Next(2) == 0 ? Pick() : null), kind));
            var (target, targetKind) = ids[random.Next(ids.Count)];
            switch (random.Next(7))
            {
                case 0: history.Append(target, Corrected(target, targetKind, Day(), random.Next(2) == 0 ? Pick() : null)); break;
                case 1: history.Append(target, new ActivityVerified(target, Unit, null)); break;
                case 2: history.Append(target, new ActivityRejected(target, Unit, "r")); break;
                case 3: history.Append(target, new ActivityRetracted(target, "r")); break;
                case 4: schools.Add(history.Register($"school {schools.Count}", InstitutionKind.School, SchoolStage.Primary)); break;
            }
        }

        return history;
    }

    private static ActivityCorrected Corrected(Guid id, string kind, DateOnly day, Guid? host) =>
        new(id, kind, TestPlan.Shipped.Kind(kind)!.DefaultMeasures.ToList(), "t", day, null, null, null, Youth, 0m, ["occurredOn", "hostInstitutionId"], host);

    private static async Task<decimal[]> Series(History history, string target, params int[] years)
    {
        var values = new List<decimal>();
        foreach (var year in years)
        {
            values.Add((await history.TargetAsync(target, year)).Official);
        }

        return [.. values];
    }

    private static Dictionary<string, Rollup> Rollups(History history, string plan) =>
        history.Folded.Rollups.Where(r => r.Plan == plan).ToDictionary(r => r.Id[(plan.Length + 1)..]);

    /// <summary>Every rollup and member of the log folded in batches of the sizes given, as text.</summary>
    private static async Task<string> DocumentsAsync(History history, int[] batches)
    {
        var storage = new MemoryProgressStorage();
        var fold = new ProgressFold(history.Plan);
        var start = 0;
        foreach (var size in batches)
        {
            await fold.ApplyAsync(storage, history.Log.Skip(start).Take(size).ToList(), CancellationToken.None);
            start += size;
        }

        return JsonSerializer.Serialize(new
        {
            Rollups = storage.Rollups.OrderBy(r => r.Id, StringComparer.Ordinal),
            Members = storage.Members.OrderBy(m => m.Id, StringComparer.Ordinal),
        });
    }

    /// <summary>
    /// The members and the rollups' institution counts of the last fold equal those recounted from scratch: every
    /// record's contributions as it stands, per series, institution and year; a rollup's distinct institutions, those
    /// first counted in its year within its period and the register's schools counted in it, from those.
    /// </summary>
    private static async Task AssertCountsHold(History history)
    {
        await history.FoldAsync();
        var storage = history.Folded;
        var plans = new CountingPlans(history.Plan, storage.Plans.Select(p => p.Plan()));
        var expected = new Dictionary<string, (RollupKey Key, Guid Institution, Dictionary<int, (int Official, int Verified)> Years)>();
        foreach (var c in storage.Tallies.SelectMany(plans.Contributions))
        {
            if (c.Institutions is null || RollupKey.OfOneInstitution(c.Key.Scope))
            {
                continue;
            }

            foreach (var institution in c.Institutions)
            {
                var id = RollupMember.IdOf(c.Key.Series, institution);
                var entry = expected.TryGetValue(id, out var found) ? found : expected[id] = (c.Key, institution, []);
                var (official, verified) = entry.Years.GetValueOrDefault(c.Key.Year);
                entry.Years[c.Key.Year] = (official + (c.Official is null ? 0 : 1), verified + (c.Verified is null ? 0 : 1));
            }
        }

        var live = expected.Where(e => e.Value.Years.Values.Any(y => y != (0, 0))).ToDictionary();
        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), storage.Members.Select(m => m.Id).Order(StringComparer.Ordinal));
        foreach (var member in storage.Members)
        {
            var years = live[member.Id].Years.Where(y => y.Value != (0, 0)).OrderBy(y => y.Key).Select(y => (y.Key, y.Value.Official, y.Value.Verified));
            Assert.Equal(years, member.Years.Select(y => (y.Year, y.Official, y.Verified)));
        }

        foreach (var rollup in storage.Rollups.Where(r => !RollupKey.OfOneInstitution(r.Scope)))
        {
            var key = new RollupKey(rollup.Scope, rollup.Year, rollup.Measure, rollup.Target, rollup.InstitutionId, rollup.Unit, rollup.Plan);
            var members = live.Values.Where(m => m.Key.Series == key.Series).ToList();
            var period = plans.PeriodOf(key);
            foreach (var official in new[] { true, false })
            {
                bool In(Dictionary<int, (int Official, int Verified)> years, int year) => (official ? years.GetValueOrDefault(year).Official : years.GetValueOrDefault(year).Verified) > 0;
                int? First(Dictionary<int, (int Official, int Verified)> years) =>
                    period is null ? null : years.Keys.Where(y => y >= period.From && y <= period.To && In(years, y)).Order().Cast<int?>().FirstOrDefault();
                var figures = official ? rollup.Official : rollup.Verified;
                Assert.Equal(members.Count(m => In(m.Years, rollup.Year)), figures.DistinctInstitutions);
                Assert.Equal(members.Count(m => First(m.Years) == rollup.Year), figures.NewInstitutions);
                Assert.Equal(rollup.Year == RollupKey.RegisterYear ? 0 : members.Count(m => In(m.Years, RollupKey.RegisterYear) && In(m.Years, rollup.Year)), figures.Covered);
            }
        }
    }
}
