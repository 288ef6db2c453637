using System.Security.Claims;
using System.Text.Encodings.Web;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c> against the stored key hashes. A missing, unknown or revoked key is 401;
/// a known key without the role an endpoint needs is 403. Both answer with problem details. Keys are found in
/// <see cref="ApiKeyCache"/>; the super-administrator key of the configuration and a city auditor's key belong to no district.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache cache,
    IApiKeyStore keys,
    ICityKeyStore cityKeys,
    SuperAdministrator superAdministrator,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureKey = "gulou:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString().Trim();
        if (key.Length > ApiKeys.MaxLength)
        {
            return Fail("The X-Api-Key header is not a key issued by this service.");
        }

        var hash = ApiKeys.Hash(key);
        if (superAdministrator.Holds(hash))
        {
            return Success(superAdministrator.Claims());
        }

        var found = await cache.FindAsync(hash, keys, Context.RequestAborted);
        if (found is null && await cityKeys.FindAsync(hash, Context.RequestAborted) is { } cityKey && ApiKeys.Matches(key, cityKey.SecretHash))
        {
            return cityKey.Revoked
                ? Fail("This key has been revoked.")
                : Success(
                [
                    new(ClaimTypes.NameIdentifier, cityKey.KeyId.ToString()),
                    new(ClaimTypes.Role, AccessRoles.CityAuditor),
                    new(GulouClaims.KeyId, cityKey.KeyId.ToString()),
                    new(GulouClaims.City, cityKey.City),
                ]);
        }

        if (found?.Key is not { } record || !ApiKeys.Matches(key, record.SecretHash))
        {
            return Fail("The X-Api-Key header is not a key issued by this service.");
        }

        if (record.Revoked)
        {
            return Fail("This key has been revoked.");
        }

        return Success(
        [
            new(ClaimTypes.NameIdentifier, record.KeyId.ToString()),
            new(ClaimTypes.Role, AccessRoles.NameOf(record.Role)),
            new(GulouClaims.KeyId, record.KeyId.ToString()),
            new(GulouClaims.InstitutionId, record.InstitutionId.ToString()),
            new(GulouClaims.Tenant, record.TenantId),
        ]);
    }

    private static AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[FailureKey] as string ?? "Send a key in the X-Api-Key header.";
        return WriteAsync(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Unauthenticated", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden", "This key's role may not do this.");

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private async Task WriteAsync(int status, string code, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.HeaderName}\"";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Create(status, code, title, detail),
        });
    }
}
