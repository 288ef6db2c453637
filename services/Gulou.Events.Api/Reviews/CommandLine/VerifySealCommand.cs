using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Reviews.Sealing;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Reviews.CommandLine;

public sealed class VerifySealInput : NetCoreInput
{
    [Description("The closed year whose seal to verify")]
    public int Year { get; set; }

    [Description("The district (tenant); the configured default when left out")]
    public string? TenantFlag { get; set; }

    [Description("Print the whole verification as JSON")]
    public bool JsonFlag { get; set; }
}

/// <summary>
/// <c>review verify-seal YEAR</c>: recomputes a closed year's seal from the event log and says whether it is intact,
/// or names the first event that differs. Exits non-zero when it differs.
/// </summary>
[Description("Recompute a closed year's seal from the event log: intact, or the first event that differs", Name = Name)]
public sealed class VerifySealCommand : JasperFxAsyncCommand<VerifySealInput>
{
    public const string Name = "verify-seal";

    private static readonly JsonSerializerOptions Indented = new(JsonDefaults.Create()) { WriteIndented = true };

    public VerifySealCommand() =>
        Usage("Verify a year's seal").Arguments(x => x.Year);

    /// <summary>Lets <c>review verify-seal YEAR</c> reach this command beside <c>review YEAR</c>.</summary>
    public static string[] Alias(string[] args) =>
        args is ["review", Name, .. var rest] ? [Name, .. rest] : args;

    public override async Task<bool> Execute(VerifySealInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var tenant = input.TenantFlag ?? services.GetRequiredService<GulouSettings>().DefaultTenant;
        try
        {
            var result = await AnsiConsole.Status().StartAsync($"Recomputing the seal of {input.Year} from the log …", _ =>
                services.GetRequiredService<SealKeeper>().VerifyAsync(tenant, input.Year, CancellationToken.None));
            if (input.JsonFlag)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, Indented));
            }
            else if (result.FirstDifference is not { } d)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]intact[/]: {result.EventCount} events up to sequence {result.LastSequence}, chain {result.ChainSha256}.");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"[red]differs[/] at sequence {d.Sequence} ({d.Change}): stream {d.StreamId}, version {d.Version}, {d.Type}. {d.Detail}");
                AnsiConsole.MarkupLineInterpolated($"sealed chain {result.SealedChainSha256}, now {result.ChainSha256}.");
            }

            if (!result.FiguresReproduced)
            {
                AnsiConsole.MarkupLine("[yellow]The counted events no longer give the sealed figures.[/]");
            }

            return result.Result == "intact";
        }
        catch (ProblemException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Detail}[/]");
            return false;
        }
    }
}
