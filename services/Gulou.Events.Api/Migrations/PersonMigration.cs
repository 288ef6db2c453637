using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Reviews.Sealing;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Designations;
using Marten;

namespace Gulou.Events.Api.Migrations;

/// <summary>What a migration moved into the register, and the closed years it sealed again.</summary>
public sealed record PersonMigrationResult(int Volunteers, int Designations, IReadOnlyList<int> Resealed);

/// <summary>
/// Moves what was recorded before the person register into it: a volunteer's keyed ID-number hash (the person key of
/// their events) and a designated teacher's or studio's key and name (in <see cref="SubjectDesignated"/>). Each person is
/// added to the register (or found there), their stream is moved to an id derived from their person id, and the
/// events' personal values are replaced by the person id, so that nothing in the log leads back to them. Closed years
/// whose seal no longer verifies over the moved events are sealed again (a new <c>year_sealed</c> event, as of the
/// same cut-off). Run again, it finds nothing left to move. The progress projection is rebuilt afterwards.
/// </summary>
public sealed class PersonMigration(IDocumentStore store, PersonRegister register, SealKeeper seals)
{
    private static readonly string[] PersonKinds = [nameof(DesignationKind.BackboneTeacher), nameof(DesignationKind.ModelWorkerStudio)];

    public async Task<PersonMigrationResult> MigrateAsync(string tenantId, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var session = store.LightweightSession(tenantId);
        var volunteers = await session.AdvancedSql.QueryAsync<string>(
            $"select distinct data->>'personKey' from {schema}.mt_events where tenant_id = ? and type like 'volunteer_%' and length(data->>'personKey') = 64",
            cancellation, tenantId);
        var designations = await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {schema}.mt_events where tenant_id = ? and type = 'subject_designated' and data->>'kind' = any(?) and data->>'personId' is null",
            cancellation, tenantId, PersonKinds);

        var movedVolunteers = new List<(Guid From, Guid To)>();
        var movedDesignations = new List<(Guid From, Guid To)>();
        foreach (var hash in volunteers)
        {
            var from = PersonKeys.StreamFor(tenantId, hash);
            var record = await session.Events.AggregateStreamAsync<VolunteerRecord>(from, token: cancellation);
            var personId = await register.EnlistAsync(
                session, PersonRoles.Volunteer, hash, new PersonFields(null, null, hash, null), PersonRoles.Volunteer, record?.Registrations.FirstOrDefault()?.InstitutionId ?? Guid.Empty, cancellation);
            var key = personId.ToString("N");
            var to = PersonKeys.StreamFor(tenantId, key);
            Move(session, schema, tenantId, from, to, "jsonb_build_object('personKey', ?::text)", key);
            movedVolunteers.Add((from, to));
        }

        foreach (var from in designations)
        {
            var record = (await session.Events.AggregateStreamAsync<DesignationRecord>(from, token: cancellation))!;
            var role = PersonRoles.Of(record.Kind);
            var personId = await register.EnlistAsync(
                session, role, record.SubjectKey.Trim().ToUpperInvariant(), new PersonFields(record.SubjectName, null, null, record.SubjectKey.Trim()), role,
                record.Awards.FirstOrDefault()?.UnitId ?? Guid.Empty, cancellation);
            var key = personId.ToString("N");
            var to = DesignationAccess.IdFor(tenantId, record.Kind, key);
            Move(session, schema, tenantId, from, to,
                "jsonb_build_object('designationId', ?::text) || case when type = 'subject_designated' then jsonb_build_object('subjectKey', ?::text, 'subjectName', ?::text, 'personId', ?::text) else '{}'::jsonb end",
                to.ToString(), key, key, personId.ToString());
            movedDesignations.Add((from, to));
        }

        // The snapshots of the old streams go; those of the moved ones are folded from their events again.
        movedVolunteers.ForEach(m => session.Delete<VolunteerRecord>(m.From));
        movedDesignations.ForEach(m => session.Delete<DesignationRecord>(m.From));
        await session.SaveChangesAsync(cancellation);
        foreach (var (_, to) in movedVolunteers)
        {
            session.Store((await session.Events.AggregateStreamAsync<VolunteerRecord>(to, token: cancellation))!);
        }

        foreach (var (_, to) in movedDesignations)
        {
            session.Store((await session.Events.AggregateStreamAsync<DesignationRecord>(to, token: cancellation))!);
        }

        await session.SaveChangesAsync(cancellation);
        var resealed = movedVolunteers.Count + movedDesignations.Count == 0 ? [] : await ResealAsync(session, tenantId, cancellation);
        return new PersonMigrationResult(movedVolunteers.Count, movedDesignations.Count, resealed);
    }

    /// <summary>Moves a stream's events to another stream id, with the personal values of their data replaced.</summary>
    private static void Move(IDocumentSession session, string schema, string tenantId, Guid from, Guid to, string replacement, params object[] values)
    {
        session.QueueSqlCommand(
            $"""
            insert into {schema}.mt_streams (tenant_id, id, type, version, timestamp, created, compacted_version, is_archived)
            select tenant_id, ?, type, version, timestamp, created, compacted_version, is_archived from {schema}.mt_streams where tenant_id = ? and id = ?
            """, to, tenantId, from);
        session.QueueSqlCommand(
            $"update {schema}.mt_events set stream_id = ?, data = data || {replacement} where tenant_id = ? and stream_id = ?",
            [to, .. values, tenantId, from]);
        session.QueueSqlCommand($"delete from {schema}.mt_streams where tenant_id = ? and id = ?", tenantId, from);
    }

    /// <summary>Seals again, as of the same cut-off, every closed year whose seal no longer verifies over the moved events.</summary>
    private async Task<IReadOnlyList<int>> ResealAsync(IDocumentSession session, string tenantId, CancellationToken cancellation)
    {
        var resealed = new List<int>();
        var closed = await session.Query<YearReview>().Where(r => r.ClosedAt != null).ToListAsync(cancellation);
        foreach (var review in closed.OrderBy(r => r.Year))
        {
            if ((await seals.VerifyAsync(tenantId, review.Year, cancellation)).Result == "intact")
            {
                continue;
            }

            await YearReviews.AppendAsync(session, tenantId, review.Year, async _ => (IReadOnlyList<object>)[await seals.SealAsync(tenantId, review.Year, review.AsOf, cancellation)], cancellation);
            resealed.Add(review.Year);
        }

        return resealed;
    }
}
