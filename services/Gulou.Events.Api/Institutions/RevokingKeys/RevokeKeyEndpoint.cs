using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Institutions.RevokingKeys;

public static class RevokeKeyEndpoint
{
    /// <summary>Revokes a key at once. Revoking a revoked key changes nothing.</summary>
    [WolverineDelete("/api/v1/keys/{keyId}", OperationId = "RevokeKey")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<NoContent> Delete(Guid keyId, string? reason, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<ApiKeyRecord>(keyId, cancellation);
        var key = stream.Aggregate ?? throw ProblemException.NotFound("key", keyId);
        if (Decide(key, reason) is { } revoked)
        {
            stream.AppendOne(revoked);
            await session.SaveChangesAsync(cancellation);
        }

        return TypedResults.NoContent();
    }

    public static ApiKeyRevoked? Decide(ApiKeyRecord key, string? reason) =>
        key.RevokedAt is null ? new ApiKeyRevoked(key.Id, key.InstitutionId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()) : null;
}
