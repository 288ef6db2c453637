using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Persons;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Migrations;

/// <summary>
/// <c>persons-migrate</c>: moves volunteers' ID-number hashes and designated teachers' and studios' names recorded before
/// the person register into it (see <see cref="PersonMigration"/>). Rebuild the progress projection afterwards
/// (<c>projections rebuild -p Progress</c>, or <c>POST /api/v1/admin/projections/rebuild</c>).
/// </summary>
[Description("Move personal data recorded before the person register into it, out of the event log", Name = "persons-migrate")]
public sealed class MigratePersonsCommand : JasperFxAsyncCommand<EveryDistrictInput>
{
    public override async Task<bool> Execute(EveryDistrictInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var tenants = await input.TenantsAsync(services);
        foreach (var tenant in tenants)
        {
            var result = await services.GetRequiredService<PersonMigration>().MigrateAsync(tenant, CancellationToken.None);
            AnsiConsole.MarkupLineInterpolated(
                $"{tenant}: {result.Volunteers} volunteers and {result.Designations} designated people moved into the register; sealed again: {(result.Resealed.Count == 0 ? "none" : string.Join(", ", result.Resealed))}.");
        }

        AnsiConsole.MarkupLine("Rebuild the progress projection next: projections rebuild -p Progress.");
        return true;
    }
}
