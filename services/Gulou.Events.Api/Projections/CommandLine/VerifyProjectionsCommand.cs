using Gulou.Events.Api.Projections.Verifying;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Projections.CommandLine;

/// <summary>
/// <c>projections verify</c>: replays the log into scratch copies of every projection and compares them with the
/// live documents. Exits non-zero when any document differs.
/// </summary>
[Description("Replay the event log into scratch copies of every projection and compare them with the live ones", Name = Name)]
public sealed class VerifyProjectionsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public const string Name = "verify-projections";

    /// <summary>Lets <c>projections verify</c> reach this command beside the built-in <c>projections list|run|rebuild</c>.</summary>
    public static string[] Alias(string[] args) =>
        args is ["projections", "verify", .. var rest] ? [Name, .. rest] : args;

    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var verifier = host.Services.GetRequiredService<ProjectionVerifier>();
        IReadOnlyList<string> differences = [];
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new Progress<VerificationProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Tenant, out var task))
                {
                    task = tasks[p.Tenant] = context.AddTask($"district {p.Tenant}", maxValue: Math.Max(1, p.StreamsTotal));
                }

                task.Value = p.StreamsDone;
            });
            differences = await verifier.VerifyAsync(progress, CancellationToken.None);
        });

        foreach (var difference in differences)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{difference}[/]");
        }

        AnsiConsole.MarkupLine(differences.Count == 0
            ? "[green]Every projection equals a replay of the event log.[/]"
            : $"[red]{differences.Count} document(s) differ from a replay of the event log.[/]");
        return differences.Count == 0;
    }
}
