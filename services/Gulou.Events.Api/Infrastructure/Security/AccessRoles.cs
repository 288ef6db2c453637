using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Role names as they appear in <c>[Authorize(Roles = …)]</c>, the same words as in the API.</summary>
public static class AccessRoles
{
    public const string Admin = "admin";
    public const string Unit = "unit";
    public const string Partner = "partner";
    public const string Auditor = "auditor";

    /// <summary>The holder of the configured super-administrator key: manages districts, belongs to none.</summary>
    public const string SuperAdmin = "super_admin";

    /// <summary>The holder of a city's key: reads the figures of the city's districts side by side, belongs to no district.</summary>
    public const string CityAuditor = "city_auditor";

    /// <summary>Everyone who may read figures and other institutions' records.</summary>
    public const string Readers = "admin,unit,auditor,partner";

    public static string NameOf(Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Unit => Unit,
        Role.Partner => Partner,
        Role.Auditor => Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
