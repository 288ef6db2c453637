using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Marten;

namespace Gulou.Events.Api.Plan.Publishing;

/// <summary>
/// Publishing a version of a district's plan, over the API or from the command line: the catalog is read and checked
/// (every problem with its JSON path), is the plan named, keeps its period, overlaps no other plan of the district, and
/// is recorded with its SHA-256 unless it is the version already in force.
/// </summary>
public static class PlanPublication
{
    /// <exception cref="ProblemException">400 with the problems by JSON path; 409 for the shipped plan, or when another publication won the race.</exception>
    public static async Task<PlanPublishedDto> PublishAsync(
        IDocumentSession session, DistrictPlanBook book, string planId, byte[] json, string publishedBy, DateTimeOffset now, CancellationToken cancellation)
    {
        var reading = PlanCatalogReader.Read(json);
        if (reading.Catalog is null)
        {
            var errors = PlanCatalogReader.Errors(reading.Problems);
            throw new ProblemException(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "Malformed JSON",
                string.Join(" ", errors.SelectMany(e => e.Value)), errors);
        }

        if (!reading.IsValid)
        {
            throw ProblemException.Invalid(PlanCatalogReader.Errors(reading.Problems));
        }

        var catalog = reading.Catalog!;
        if (planId == book.Shipped.Catalog.Id)
        {
            // The progress fold, reviews and seals count the shipped plan by its data file: a version published beside
            // it would answer GET /plan with rules the figures do not follow.
            throw ProblemException.InvalidState($"'{planId}' is the plan the service ships with; it changes with its data file (Gulou:PlanFile), not over the API.");
        }

        var plans = await book.AllAsync(session, cancellation);
        Check(planId, catalog, plans);

        var existing = plans.FirstOrDefault(p => p.PlanId == planId);
        if (existing?.ContentHash == reading.ContentHash)
        {
            return new PlanPublishedDto(planId, catalog.Period, existing.Latest.ToDto(), Unchanged: true);
        }

        var published = new PlanCatalogPublished(planId, reading.ContentHash, now, publishedBy, catalog);
        var stream = DistrictPlanBook.StreamOf(planId);
        if (existing is null || existing.Version == 0)
        {
            // A plan never recorded in this district (or the shipped one, in a district that predates plan records).
            session.Events.StartStream<LoadedPlan>(stream, published);
        }
        else
        {
            session.Events.Append(stream, existing.Version + 1, published);
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
            book.Forget(session);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            throw ProblemException.Conflict(ErrorCodes.VersionConflict, "Another publication of this plan was recorded at the same moment. Read GET /api/v1/plans and retry.");
        }

        var version = (existing?.Versions.Count ?? 0) + 1;
        return new PlanPublishedDto(planId, catalog.Period, new PlanVersionDto(version, published.ContentHash, published.PublishedAt, published.PublishedBy), Unchanged: false);
    }

    /// <summary>The catalog is the plan the route names, keeps the plan's period, and holds no day another plan holds.</summary>
    private static void Check(string planId, PlanCatalog catalog, IReadOnlyList<LoadedPlan> plans)
    {
        if (catalog.Id != planId)
        {
            throw ProblemException.Invalid("$.id", $"The catalog's id '{catalog.Id}' is not the plan published, '{planId}'.");
        }

        if (plans.FirstOrDefault(p => p.PlanId == planId) is { } existing && existing.Latest.Catalog.Period != catalog.Period)
        {
            var period = existing.Latest.Catalog.Period;
            throw ProblemException.Invalid("$.period", $"A new version keeps the plan's period {period.From}–{period.To}; a plan of another period has another id.");
        }

        if (plans.FirstOrDefault(p => p.PlanId != planId && Overlap(p.Latest.Catalog.Period, catalog.Period)) is { } other)
        {
            var period = other.Latest.Catalog.Period;
            throw ProblemException.Invalid("$.period", $"The period overlaps plan '{other.PlanId}' ({period.From}–{period.To}); every day belongs to one plan at most.");
        }
    }

    private static bool Overlap(PlanPeriod a, PlanPeriod b) => a.From <= b.To && b.From <= a.To;
}
