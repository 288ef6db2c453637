using System.Security.Claims;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Who is calling: the key, its institution, the institution's role and the district (tenant).</summary>
public sealed record Caller(Guid KeyId, Guid InstitutionId, Role Role, string TenantId)
{
    public bool IsPartner => Role == Role.Partner;

    /// <summary>Built once per request from the claims the API-key handler issued.</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("An endpoint that takes a Caller must require an authenticated key.");
        }

        return new Caller(
            Guid.Parse(user.FindFirstValue(GulouClaims.KeyId)!),
            Guid.Parse(user.FindFirstValue(GulouClaims.InstitutionId)!),
            Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!, ignoreCase: true),
            user.FindFirstValue(GulouClaims.Tenant)!);
    }
}
