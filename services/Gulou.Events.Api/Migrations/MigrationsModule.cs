namespace Gulou.Events.Api.Migrations;

/// <summary>
/// One-off moves of data recorded in an older shape into the current one, run from the command line
/// (<c>persons-migrate</c>). They know every slice whose records they move; no slice knows them.
/// </summary>
public static class MigrationsModule
{
    public static IServiceCollection AddMigrations(this IServiceCollection services) => services.AddSingleton<PersonMigration>();
}
