namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// A stream (or a person in the register) with a natural-key id was started by two requests at once and the other one committed first.
/// Depending on the append mode the store reports this as a collision or as a concurrency failure; streams written
/// set-based (a batch's new activities) report it as the unique violation of the stream table's primary key.
/// </summary>
public static class StreamCollision
{
    public const string StreamKey = "pkey_mt_streams_tenant_id_id";

    public static bool Is(Exception e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException
            or JasperFx.ConcurrencyException
            or JasperFx.DocumentAlreadyExistsException
        || IsStreamKeyViolation(e);

    private static bool IsStreamKeyViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: StreamKey })
            {
                return true;
            }
        }

        return false;
    }
}
