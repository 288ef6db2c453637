using Gulou.Events.Api.Districts;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Persons.Rekeying;

/// <summary>
/// <c>persons-rekey</c>: after a new master key was put in <c>Gulou:PersonMasterKey</c> and the old one in
/// <c>Gulou:PreviousPersonMasterKeys</c>, rewraps every person's data key under the new one (see
/// <see cref="PersonKeyRotation"/>). Fails while a data key is under a master key it was not given.
/// </summary>
[Description("Rewrap the person register's data keys under the master key in use, reading the old ones with the previous keys", Name = "persons-rekey")]
public sealed class RekeyPersonsCommand : JasperFxAsyncCommand<EveryDistrictInput>
{
    public override async Task<bool> Execute(EveryDistrictInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var tenants = await input.TenantsAsync(services);
        var masterKeyId = services.GetRequiredService<PersonCipher>().MasterKeyId;
        var unreadable = 0;
        foreach (var tenant in tenants)
        {
            var result = await services.GetRequiredService<PersonKeyRotation>().RewrapAsync(tenant, CancellationToken.None);
            unreadable += result.Unreadable;
            AnsiConsole.MarkupLineInterpolated(
                $"{tenant}: {result.Rewrapped} data keys rewrapped under master key {masterKeyId}, {result.Current} under it already, {result.Unreadable} under a master key not given.");
        }

        if (unreadable > 0)
        {
            AnsiConsole.MarkupLine("Some data keys are under a master key not given: add it to Gulou:PreviousPersonMasterKeys and run again.");
            return false;
        }

        AnsiConsole.MarkupLine("Every data key is under the master key in use: Gulou:PreviousPersonMasterKeys can be removed.");
        return true;
    }
}
