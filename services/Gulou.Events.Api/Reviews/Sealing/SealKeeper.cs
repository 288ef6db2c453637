using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Contracts.Reviews;
using Marten;

namespace Gulou.Events.Api.Reviews.Sealing;

/// <summary>
/// Seals a year when it is closed, and verifies a seal later by recomputing it from the log. Both count the same
/// events: every event recorded up to the closing's cut-off in a stream behind the year's figures, as the log stood
/// at the cut-off; the figures are folded from exactly those events, by the catalog of the year's plan in force at the
/// cut-off, whose hash the seal records.
/// </summary>
public sealed class SealKeeper(IDocumentStore store, DistrictPlanBook plans, ReviewBuilder reviews, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public static string ServiceVersion { get; } =
        typeof(SealKeeper).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<YearSealed> SealAsync(string tenantId, int year, DateTimeOffset asOf, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(tenantId);
        var plan = plans.CountedAt(await plans.OfYearAsync(session, null, year, cancellation), asOf);
        var (logged, figures) = await CountAsync(session, tenantId, year, asOf, plan, cancellation);
        var chain = SealChain.Compute(tenantId, year, asOf, logged);
        return new YearSealed(year, asOf, figures, FiguresSha256(figures), plan.ContentHash, chain.LastSequence, chain.Count, chain.ChainSha256, ServiceVersion, chain.Digests);
    }

    /// <summary>The year's last seal recomputed from the log now; 404 when the year was never closed.</summary>
    public async Task<SealVerificationDto> VerifyAsync(string tenantId, int year, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(tenantId);
        var seal = (await session.Events.FetchStreamAsync(YearReview.IdFor(tenantId, year), token: cancellation)).Select(e => e.Data).OfType<YearSealed>().LastOrDefault()
            ?? throw ProblemException.NotFound("seal of the year", year);

        var plan = plans.CountedAt(await plans.OfYearAsync(session, null, year, cancellation), seal.AsOf);
        var logged = await SealLog.CountedAsync(session, plan, tenantId, year, seal.AsOf, cancellation);
        var chain = SealChain.Compute(tenantId, year, seal.AsOf, logged);
        SealDifference? difference = null;
        if (chain.ChainSha256 != seal.ChainSha256)
        {
            var counted = logged.Select(e => e.Sequence).ToHashSet();
            var gone = new Dictionary<long, LoggedEvent>();
            foreach (var (sequence, _) in SealChain.Entries(seal.EventDigests).Where(e => !counted.Contains(e.Sequence)).Take(1))
            {
                if (await SealLog.FindAsync(session, tenantId, sequence, cancellation) is { } moved)
                {
                    gone[sequence] = moved;
                }
            }

            difference = SealChain.FirstDifference(logged, seal.EventDigests, gone.GetValueOrDefault)
                ?? new SealDifference(null, null, null, null, "unlocated", "Every counted event matches its sealed digest, but the chain does not: the seal's own digests were changed.");
        }

        return new SealVerificationDto(
            year,
            difference is null ? "intact" : "differs",
            clock.GetUtcNow(),
            seal.EventCount,
            chain.Count,
            seal.LastSequence,
            chain.LastSequence,
            seal.ChainSha256,
            chain.ChainSha256,
            difference,
            await FiguresReproducedAsync(session, tenantId, year, seal, plan, cancellation),
            seal.PlanSha256 == plan.ContentHash,
            seal.ServiceVersion,
            ServiceVersion);
    }

    public static string FiguresSha256(ReviewFigures figures) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Of(JsonSerializer.Serialize(figures, Json)))));

    private async Task<(IReadOnlyList<LoggedEvent> Logged, ReviewFigures Figures)> CountAsync(
        IQuerySession session, string tenantId, int year, DateTimeOffset asOf, CurrentPlan plan, CancellationToken cancellation)
    {
        var logged = await SealLog.CountedAsync(session, plan, tenantId, year, asOf, cancellation);
        var streams = logged.Select(e => e.StreamId).Distinct().ToList();
        var events = (await ProgressLog.EventsAsync(session, streams, cancellation)).Where(e => e.Timestamp <= asOf).ToList();
        return (logged, await reviews.FiguresAsync(events, year, asOf, plan, cancellation));
    }

    /// <summary>Whether folding the counted events again gives the sealed figures. Data changed so that it no longer reads as its event type does not.</summary>
    private async Task<bool> FiguresReproducedAsync(IQuerySession session, string tenantId, int year, YearSealed seal, CurrentPlan plan, CancellationToken cancellation)
    {
        try
        {
            var (_, figures) = await CountAsync(session, tenantId, year, seal.AsOf, plan, cancellation);
            return FiguresSha256(figures) == seal.FiguresSha256;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            return false;
        }
    }
}
