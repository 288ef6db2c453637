using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using JasperFx.Events;
using Marten;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>Writes to a stream whose id comes from a natural key (a designated subject, a volunteer, an indicator).</summary>
public static class NaturalKeyStreams
{
    /// <summary>
    /// Starts the stream on its first event, appends to it afterwards, and saves. When another request started or
    /// changed the same stream in the meantime, nothing is saved and the client is told to read and retry (409).
    /// </summary>
    public static Task SaveAsync<T>(IDocumentSession session, IEventStream<T> stream, object @event, CancellationToken cancellation) where T : class =>
        SaveAsync(session, stream, [@event], cancellation);

    public static async Task SaveAsync<T>(IDocumentSession session, IEventStream<T> stream, IReadOnlyList<object> events, CancellationToken cancellation) where T : class
    {
        if (stream.Aggregate is null)
        {
            session.Events.StartStream<T>(stream.Id, events);
        }
        else
        {
            stream.AppendMany(events);
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            // The transactional middleware saves again after the endpoint: it must find nothing pending.
            session.EjectAllPendingChanges();
            throw ProblemException.Conflict(ErrorCodes.VersionConflict, "Another request changed this record at the same moment. Read it again and retry.");
        }
    }
}
