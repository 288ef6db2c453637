namespace Gulou.Events.Api.Infrastructure.Security;

public static class GulouClaims
{
    public const string Tenant = "gulou:tenant";
    public const string KeyId = "gulou:key";
    public const string InstitutionId = "gulou:institution";

    /// <summary>The city a city auditor's key reads; such a key carries no district.</summary>
    public const string City = "gulou:city";
}
