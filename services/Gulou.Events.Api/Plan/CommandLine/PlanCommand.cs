using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Plan.Publishing;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace Gulou.Events.Api.Plan.CommandLine;

public sealed class PlanInput : NetCoreInput
{
    [Description("validate (check the file, touch nothing) or publish (record it as the plan's next version)")]
    public string Action { get; set; } = "";

    [Description("The plan catalog JSON")]
    public string File { get; set; } = "";

    [Description("The district (tenant) to publish in; the configured default when left out")]
    public string? TenantFlag { get; set; }
}

/// <summary><c>plan validate FILE</c> and <c>plan publish FILE</c>: the checks and the publication of <c>PUT /api/v1/admin/plans/{planId}</c>.</summary>
[Description("Validate a plan catalog, or publish it as the next version of its plan in a district", Name = "plan")]
public sealed class PlanCommand : JasperFxAsyncCommand<PlanInput>
{
    public PlanCommand() =>
        Usage("Validate or publish a plan catalog").Arguments(x => x.Action, x => x.File);

    public override async Task<bool> Execute(PlanInput input)
    {
        if (input.Action is not ("validate" or "publish"))
        {
            AnsiConsole.MarkupLine("[red]plan validate FILE, or plan publish FILE [[--tenant DISTRICT]].[/]");
            return false;
        }

        if (!System.IO.File.Exists(input.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No file {input.File}.[/]");
            return false;
        }

        var bytes = await System.IO.File.ReadAllBytesAsync(input.File);
        var reading = PlanCatalogReader.Read(bytes);
        foreach (var problem in reading.Problems)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem.Path}[/]: {problem.Message}");
        }

        if (!reading.IsValid)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{input.File}: {reading.Problems.Count} problem(s); nothing was published.[/]");
            return false;
        }

        var catalog = reading.Catalog!;
        AnsiConsole.MarkupLineInterpolated($"{catalog.Id} {catalog.Period.From}–{catalog.Period.To}: {catalog.Measures.Count} measures, {catalog.Targets.Count} targets, {catalog.ActivityKinds.Count} activity kinds; SHA-256 {reading.ContentHash}");
        if (input.Action == "validate")
        {
            return true;
        }

        using var host = input.BuildHost();
        var services = host.Services;
        var tenant = input.TenantFlag ?? services.GetRequiredService<GulouSettings>().DefaultTenant;
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession(tenant);
        session.CorrelationId = "plan-publish";
        try
        {
            var published = await PlanPublication.PublishAsync(session, services.GetRequiredService<DistrictPlanBook>(), catalog.Id, bytes,
                $"command line ({Environment.UserName})", services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
            AnsiConsole.MarkupLine(Markup.Escape(published.Unchanged
                ? $"District {tenant} already runs this catalog as version {published.Version.Version} of {catalog.Id}."
                : $"Published version {published.Version.Version} of {catalog.Id} in district {tenant}."));
            return true;
        }
        catch (ProblemException refused)
        {
            foreach (var (path, messages) in refused.Errors ?? new Dictionary<string, string[]>())
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{path}[/]: {string.Join(" ", messages)}");
            }

            AnsiConsole.MarkupLineInterpolated($"[red]{refused.Detail ?? refused.Title}[/]");
            return false;
        }
    }
}
