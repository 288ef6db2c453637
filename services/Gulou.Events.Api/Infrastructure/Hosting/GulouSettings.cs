using JasperFx.Events.Daemon;

namespace Gulou.Events.Api.Infrastructure.Hosting;

/// <summary>
/// The service's settings. Each has a configuration key (appsettings, <c>Gulou__…</c> environment variables)
/// and, where the scripts use one, a plain environment variable (<c>GULOU_DB</c>, <c>GULOU_ADMIN_KEY</c>,
/// <c>GULOU_SUPER_ADMIN_KEY</c>, <c>GULOU_URLS</c>).
/// </summary>
public sealed record GulouSettings
{
    /// <summary>Used when no connection string is configured, so that commands that need no database (codegen, openapi) still run.</summary>
    private const string LocalDatabase = "Host=127.0.0.1;Port=5432;Database=gulou;Username=postgres";

    /// <summary>The name of the database of the configured connection string: it holds the district registry and every district placed nowhere else.</summary>
    public const string MainDatabase = "main";

    public required string ConnectionString { get; init; }

    public bool HasConfiguredDatabase { get; init; }

    /// <summary>The district that keys and data belong to unless a key says otherwise.</summary>
    public string DefaultTenant { get; init; } = "gulou";

    /// <summary>The bootstrap administrator key of the default tenant.</summary>
    public string? AdminKey { get; init; }

    /// <summary>The key that creates and lists districts (and reads nothing of theirs); none: no district is created at run time.</summary>
    public string? SuperAdminKey { get; init; }

    /// <summary>The name the default district is registered under.</summary>
    public string DefaultDistrictName { get; init; } = "鼓楼区";

    /// <summary>
    /// Further PostgreSQL databases districts can be placed in, by name (<c>Gulou:Databases:&lt;name&gt;</c>, a connection
    /// string each). The configured connection string is the database named <see cref="MainDatabase"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Databases { get; init; } = new Dictionary<string, string>();

    /// <summary>A plan catalog file that replaces the one shipped with the service.</summary>
    public string? PlanFile { get; init; }

    /// <summary>The secret under which volunteers' ID numbers are turned into person keys.</summary>
    public string? PersonKeySecret { get; init; }

    /// <summary>The master key the person register's data keys are encrypted under (any secret text; 32 random bytes in base64 from <c>deploy/make-secrets.sh</c>).</summary>
    public string? PersonMasterKey { get; init; }

    /// <summary>Master keys taken out of use by a rotation, still read until <c>persons-rekey</c> has rewrapped every data key (comma-separated).</summary>
    public IReadOnlyList<string> PreviousPersonMasterKeys { get; init; } = [];

    /// <summary>How many years after a volunteer's last registration ended the register erases them.</summary>
    public int VolunteerRetentionYears { get; init; } = 5;

    /// <summary>How often the retention job looks for people past their retention (none: it does not run).</summary>
    public TimeSpan? RetentionInterval { get; init; } = TimeSpan.FromHours(24);

    public string DatabaseSchema { get; init; } = "gulou";

    /// <summary>Solo (one node), HotCold (several nodes, one runs the projections) or Disabled.</summary>
    public DaemonMode Daemon { get; init; } = DaemonMode.HotCold;

    /// <summary>Create or update the schema on first use (development) or leave it to an explicit <c>db-apply</c> (production).</summary>
    public bool AutoCreateSchema { get; init; } = true;

    public static GulouSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Gulou") ?? configuration["GULOU_DB"];
        return new GulouSettings
        {
            ConnectionString = NullIfBlank(connectionString) ?? LocalDatabase,
            HasConfiguredDatabase = !string.IsNullOrWhiteSpace(connectionString),
            DefaultTenant = configuration["Gulou:DefaultTenant"] ?? "gulou",
            AdminKey = NullIfBlank(configuration["Gulou:AdminKey"] ?? configuration["GULOU_ADMIN_KEY"]),
            SuperAdminKey = NullIfBlank(configuration["Gulou:SuperAdminKey"] ?? configuration["GULOU_SUPER_ADMIN_KEY"]),
            DefaultDistrictName = NullIfBlank(configuration["Gulou:DefaultDistrictName"]) ?? "鼓楼区",
            Databases = configuration.GetSection("Gulou:Databases").GetChildren()
                .Where(d => !string.IsNullOrWhiteSpace(d.Value))
                .ToDictionary(d => d.Key, d => d.Value!.Trim(), StringComparer.Ordinal),
            PlanFile = NullIfBlank(configuration["Gulou:PlanFile"]),
            PersonKeySecret = NullIfBlank(configuration["Gulou:PersonKeySecret"] ?? configuration["GULOU_PERSON_KEY_SECRET"]),
            PersonMasterKey = NullIfBlank(configuration["Gulou:PersonMasterKey"] ?? configuration["GULOU_PERSON_MASTER_KEY"]),
            PreviousPersonMasterKeys = (configuration["Gulou:PreviousPersonMasterKeys"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            VolunteerRetentionYears = int.TryParse(configuration["Gulou:Retention:VolunteerYears"], out var years) && years > 0 ? years : 5,
            RetentionInterval = TimeSpan.TryParse(configuration["Gulou:Retention:Interval"], System.Globalization.CultureInfo.InvariantCulture, out var every)
                ? (every > TimeSpan.Zero ? every : null)
                : TimeSpan.FromHours(24),
            DatabaseSchema = configuration["Gulou:DatabaseSchema"] ?? "gulou",
            Daemon = Enum.TryParse<DaemonMode>(configuration["Gulou:Daemon"], ignoreCase: true, out var mode) ? mode : DaemonMode.HotCold,
            AutoCreateSchema = !bool.TryParse(configuration["Gulou:AutoCreateSchema"], out var auto) || auto,
        };
    }

    /// <summary>Trimmed: a secret file or Secret written by an editor ends in a newline that is no part of the value.</summary>
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
