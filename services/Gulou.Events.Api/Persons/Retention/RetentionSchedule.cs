using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Persons.Retention;

/// <summary>
/// How long the register keeps people (PIPL Art. 19): each slice that holds people (<see cref="IHoldsPersons"/>) says who
/// is past their retention (volunteers <see cref="GulouSettings.VolunteerRetentionYears"/> years after the last
/// institution let them go). What is past it is erased like an erasure on request, by the schedule.
/// Records that keep personal information until a day of their own (<see cref="IExpiringRecords"/>: evidence until its
/// <c>expiresOn</c>) are let go by the same run.
/// </summary>
public sealed class RetentionSchedule(IDocumentStore store, PersonRegister register, IEnumerable<IHoldsPersons> holders, IEnumerable<IExpiringRecords> expiring, GulouSettings settings, TimeProvider clock)
{
    public const string Reason = "Retention period ended.";
    public const string LegalBasis = "PIPL Art. 19; Art. 47(1)(2)";

    /// <summary>The last day a volunteer who left on <paramref name="leftOn"/> is kept.</summary>
    public static DateOnly RetainedUntil(DateOnly leftOn, int years) => leftOn.AddYears(years);

    /// <summary>Who is past their retention in the district today, and (unless <paramref name="dryRun"/>) erases them.</summary>
    public async Task<RetentionReportDto> RunAsync(string tenantId, bool dryRun, CancellationToken cancellation)
    {
        var today = clock.Today();
        var years = settings.VolunteerRetentionYears;
        await using var session = store.LightweightSession(tenantId);
        var gone = new List<RetentionItemDto>();
        foreach (var holder in holders)
        {
            gone.AddRange(await holder.PastRetentionAsync(session, today, cancellation));
        }

        var standing = (await session.LoadManyAsync<PersonRecord>(cancellation, gone.Select(v => v.PersonId).Distinct().ToArray()))
            .Where(p => !p.Erased).Select(p => p.Id).ToHashSet();
        var due = gone.Where(v => standing.Contains(v.PersonId))
            .DistinctBy(v => v.PersonId)
            .OrderBy(v => v.LeftOn).ThenBy(v => v.PersonId)
            .ToList();
        var sources = new List<(IExpiringRecords Source, IReadOnlyList<EvidenceExpiryDto> Due)>();
        foreach (var source in expiring)
        {
            sources.Add((source, await source.DueAsync(session, today, cancellation)));
        }

        var evidence = sources.SelectMany(s => s.Due).ToList();
        if (dryRun || (due.Count == 0 && evidence.Count == 0))
        {
            return new RetentionReportDto(true, today, years, due, 0, evidence);
        }

        foreach (var item in due)
        {
            await register.EraseAsync(session, item.PersonId, Reason, LegalBasis, Guid.Empty, byRetention: true, cancellation);
        }

        foreach (var (source, items) in sources.Where(s => s.Due.Count > 0))
        {
            await source.ExpireAsync(session, items, cancellation);
        }

        await session.SaveChangesAsync(cancellation);
        return new RetentionReportDto(false, today, years, due, due.Count, evidence, evidence.Count);
    }
}
