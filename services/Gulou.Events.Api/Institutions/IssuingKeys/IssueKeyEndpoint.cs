using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Institutions.IssuingKeys;

public static class IssueKeyEndpoint
{
    public const int MaxLabelLength = 100;

    /// <summary>Issues a key to an institution. The key is in this answer only; the service keeps its hash.</summary>
    [WolverinePost("/api/v1/institutions/{id}/keys", OperationId = "IssueKey")]
    [Refuses(400, ErrorCodes.ValidationFailed, "`label` is longer than 100 characters")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<Created<IssuedKey>> Post(Guid id, string? label, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (label is { Length: > MaxLabelLength })
        {
            throw ProblemException.Invalid("label", $"A label is at most {MaxLabelLength} characters.");
        }

        var institution = await session.LoadAsync<Institution>(id, cancellation) ?? throw ProblemException.NotFound("institution", id);
        var key = ApiKeys.Generate();
        var issued = Decide(institution, Guid.CreateVersion7(), key, label);
        session.Events.StartStream<ApiKeyRecord>(issued.KeyId, issued);
        await session.SaveChangesAsync(cancellation);

        return TypedResults.Created($"/api/v1/keys/{issued.KeyId}", new IssuedKey(issued.KeyId, id, key, issued.Label, clock.GetUtcNow()));
    }

    public static ApiKeyIssued Decide(Institution institution, Guid keyId, string key, string? label) =>
        new(keyId, institution.Id, institution.Role, ApiKeys.Hash(key), string.IsNullOrWhiteSpace(label) ? null : label.Trim());
}
