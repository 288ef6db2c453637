namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// A stream (or a person in the register) with a natural-key id was started by two requests at once and the other one committed first.
/// Depending on the append mode the store reports this as a collision or as a concurrency failure.
/// </summary>
public static class StreamCollision
{
    public static bool Is(Exception e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
            or JasperFx.ConcurrencyException
            or JasperFx.DocumentAlreadyExistsException;
}
