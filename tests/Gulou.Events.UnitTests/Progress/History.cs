using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.UnitTests.Activities;
using JasperFx.Events;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>A scripted event log, and the rollups the progress fold makes of it.</summary>
internal sealed class History(CurrentPlan? plan = null)
{
    private readonly Dictionary<Guid, long> _versions = [];

    public List<IEvent> Log { get; } = [];

    public CurrentPlan Plan { get; } = plan ?? TestPlan.Shipped;

    public Guid Report(string kind, DateOnly day, AudienceCounts attendance, Guid institution, params string[] measures) =>
        ReportHosted(kind, day, attendance, institution, null, measures);

    public Guid ReportHosted(string kind, DateOnly day, AudienceCounts attendance, Guid institution, Guid? host, params string[] measures)
    {
        var id = Guid.NewGuid();
        var codes = measures.Length > 0 ? measures : TestPlan.Shipped.Kind(kind)!.DefaultMeasures.ToArray();
        Append(id, new ActivityReported(id, institution, id.ToString(), kind, codes, "t", day, null, null, null, attendance, 0m, "hash", host));
        return id;
    }

    /// <summary>Registers an institution (a school when stages are given).</summary>
    public Guid Register(string name, InstitutionKind kind, params SchoolStage[] stages)
    {
        var id = Guid.NewGuid();
        Append(id, new InstitutionRegistered(id, name, kind, Role.Partner, null, [], stages.Length > 0 ? stages : null));
        return id;
    }

    public void Append<T>(Guid stream, T data) where T : notnull
    {
        var version = _versions[stream] = _versions.GetValueOrDefault(stream) + 1;
        Log.Add(Activities.Events.On(stream, version, data));
    }

    /// <summary>The figures a target shows for a year, official and verified, from the folded log.</summary>
    public async Task<(decimal Official, decimal Verified)> TargetAsync(string code, int year)
    {
        var rollups = (await FoldAsync()).Values.Where(r => r.Target == code).ToList();
        var view = new Api.Progress.Evaluating.TargetView(Plan.Target(code)!, rollups);
        return (view.Value(year, official: true), view.Value(year, official: false));
    }

    /// <summary>The documents of the last fold.</summary>
    public MemoryProgressStorage Folded { get; private set; } = new();

    /// <summary>Folds the log in batches of <paramref name="batchSize"/> events, as the daemon would: the rollups of the plan, by their key within it.</summary>
    public async Task<IReadOnlyDictionary<string, Rollup>> FoldAsync(int batchSize = int.MaxValue)
    {
        var storage = new MemoryProgressStorage();
        var fold = new ProgressFold(Plan);
        foreach (var batch in Log.Chunk(Math.Min(batchSize, Math.Max(1, Log.Count))))
        {
            await fold.ApplyAsync(storage, batch, CancellationToken.None);
        }

        Assert.All(storage.Rollups, r => Assert.Equal($"{r.Plan}/", r.Id[..(r.Plan.Length + 1)]));
        Folded = storage;
        return storage.Rollups.Where(r => r.Plan == Plan.Catalog.Id).ToDictionary(r => r.Id[(r.Plan.Length + 1)..]);
    }

    /// <summary>
    /// The institutions the last fold counts in a rollup (its key within the plan), in order: the members of its series
    /// counted in its year. The rollup's own number of distinct institutions must agree.
    /// </summary>
    public IReadOnlyList<Guid> Counted(string key, bool official = true)
    {
        var id = $"{Plan.Catalog.Id}/{key}";
        var (series, year) = (id[..id.LastIndexOf('/')], int.Parse(id[(id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var counted = Folded.Members.Where(m => m.Series == series && m.CountIn(year, official) > 0).Select(m => m.InstitutionId).Order().ToList();
        var rollup = Folded.Rollups.SingleOrDefault(r => r.Id == id);
        Assert.Equal(counted.Count, rollup is null ? 0 : (official ? rollup.Official : rollup.Verified).DistinctInstitutions);
        return counted;
    }
}
