using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Districts.Moving;

public sealed class MoveDistrictInput : NetCoreInput
{
    [Description("The district's code")]
    public string District { get; set; } = "";

    [Description("The database of the pool to move it to: main, or a key under Gulou:Databases")]
    public string Database { get; set; } = "";
}

/// <summary><c>move-district CODE DATABASE</c>: moves a district's data to another database of the pool. No node may write to the district meanwhile.</summary>
[Description("Move a district's data to another database of the pool (stop its writers first)", Name = "move-district")]
public sealed class MoveDistrictCommand : JasperFxAsyncCommand<MoveDistrictInput>
{
    public MoveDistrictCommand() =>
        Usage("Move a district").Arguments(x => x.District, x => x.Database);

    public override async Task<bool> Execute(MoveDistrictInput input)
    {
        using var host = input.BuildHost();
        try
        {
            var moved = await host.Services.GetRequiredService<DistrictMover>().MoveAsync(input.District, input.Database, CancellationToken.None);
            AnsiConsole.MarkupLineInterpolated(
                $"District [bold]{moved.District}[/] is in database [bold]{moved.To}[/] (from {moved.From}): {moved.Streams} streams, {moved.Events} events, {moved.Documents} documents copied; {moved.Deleted} rows deleted from {moved.From}.");
            AnsiConsole.MarkupLine("Its progress documents are made anew by the target's projection daemon. Run [bold]projections verify[/] once it has caught up.");
            return true;
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return false;
        }
    }
}
