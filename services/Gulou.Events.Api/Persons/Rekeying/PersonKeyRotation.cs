using Marten;
using Marten.Exceptions;

namespace Gulou.Events.Api.Persons.Rekeying;

/// <param name="Rewrapped">Data keys rewrapped under the master key now in use.</param>
/// <param name="Current">Data keys that were under it already.</param>
/// <param name="Unreadable">Data keys under a master key this node has neither as current nor as previous: left as they are.</param>
public sealed record PersonKeyRotationResult(int Rewrapped, int Current, int Unreadable);

/// <summary>
/// Rewraps every data key of a district's person register under the master key now in use
/// (<c>Gulou:PersonMasterKey</c>), reading the old ones with <c>Gulou:PreviousPersonMasterKeys</c>. Only the key table
/// changes: the people's sealed fields and the event log stay as they are, since the data keys themselves do not change.
/// A key already under the master key in use is skipped, and each batch is saved on its own, so a run that stops is
/// resumed by running it again. Nodes read both master keys meanwhile. A key erased while its batch is rewrapped stays
/// erased: a rewrap only updates a row and never writes one back.
/// </summary>
public sealed class PersonKeyRotation(IDocumentStore store, PersonCipher cipher)
{
    public const int BatchSize = 500;

    public async Task<PersonKeyRotationResult> RewrapAsync(string tenantId, CancellationToken cancellation)
    {
        var target = cipher.MasterKeyId;
        List<Guid> pending;
        int current;
        await using (var query = store.QuerySession(tenantId))
        {
            pending = (await query.Query<PersonKeyRecord>().Where(k => k.MasterKeyId != target).Select(k => k.Id).ToListAsync(cancellation)).ToList();
            current = await query.Query<PersonKeyRecord>().CountAsync(k => k.MasterKeyId == target, cancellation);
        }

        var (rewrapped, unreadable) = (0, 0);
        foreach (var batch in pending.Chunk(BatchSize))
        {
            var (done, left) = await RewrapBatchAsync(tenantId, batch, target, cancellation);
            (rewrapped, unreadable) = (rewrapped + done, unreadable + left);
        }

        return new PersonKeyRotationResult(rewrapped, current, unreadable);
    }

    private async Task<(int Rewrapped, int Unreadable)> RewrapBatchAsync(string tenantId, Guid[] ids, string target, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(tenantId);
            var (rewrapped, unreadable) = (0, 0);
            foreach (var key in await session.LoadManyAsync<PersonKeyRecord>(cancellation, ids))
            {
                if (key.MasterKeyId == target)
                {
                    continue;
                }

                if (cipher.Unwrap(tenantId, key.PersonId, key.MasterKeyId, key.WrappedKey) is not { } dataKey)
                {
                    unreadable++;
                    continue;
                }

                key.WrappedKey = cipher.Wrap(tenantId, key.PersonId, dataKey);
                key.MasterKeyId = target;
                session.Update(key);
                rewrapped++;
            }

            try
            {
                await session.SaveChangesAsync(cancellation);
                return (rewrapped, unreadable);
            }
            catch (NonExistentDocumentException) when (attempt < 3)
            {
                // A person of the batch was erased meanwhile: read the batch again without them.
            }
        }
    }
}
