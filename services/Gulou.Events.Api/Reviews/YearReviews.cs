using Gulou.Events.Api.Infrastructure.Persistence;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>The one way a year's review changes: read it, let a decision produce events, append them under optimistic concurrency.</summary>
public static class YearReviews
{
    public static async Task<YearReview> AppendAsync(
        IDocumentSession session, string tenantId, int year, Func<YearReview?, Task<IReadOnlyList<object>>> decide, CancellationToken cancellation)
    {
        var id = YearReview.IdFor(tenantId, year);
        var stream = await session.Events.FetchForWriting<YearReview>(id, cancellation);
        var events = await decide(stream.Aggregate);
        await NaturalKeyStreams.SaveAsync(session, stream, events, cancellation);
        return (await session.Events.FetchLatest<YearReview>(id, cancellation))!;
    }

    public static Task<YearReview> AppendAsync(IDocumentSession session, string tenantId, int year, Func<YearReview?, object> decide, CancellationToken cancellation) =>
        AppendAsync(session, tenantId, year, review => Task.FromResult<IReadOnlyList<object>>([decide(review)]), cancellation);
}
