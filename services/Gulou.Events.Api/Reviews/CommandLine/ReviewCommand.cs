using System.Globalization;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Contracts.Reviews;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Gulou.Events.Api.Reviews.CommandLine;

public sealed class ReviewInput : NetCoreInput
{
    [Description("The year to review")]
    public int Year { get; set; }

    [Description("The cut-off instant (ISO 8601, e.g. 2026-01-31T23:59:59+08:00); the figures are those recorded up to it")]
    [FlagAlias("as-of")]
    public string? AsOfFlag { get; set; }

    [Description("json (default) or csv")]
    public string FormatFlag { get; set; } = "json";

    [Description("Write to this file instead of the console")]
    public string? OutFlag { get; set; }

    [Description("The district (tenant); the configured default when left out")]
    public string? TenantFlag { get; set; }
}

[Description("The figures of a year as known at a cut-off, beside the same figures as known now, with what changed", Name = "review")]
public sealed class ReviewCommand : JasperFxAsyncCommand<ReviewInput>
{
    private static readonly JsonSerializerOptions Indented = new(JsonDefaults.Create()) { WriteIndented = true };

    public ReviewCommand() =>
        Usage("Review a year").Arguments(x => x.Year);

    public override async Task<bool> Execute(ReviewInput input)
    {
        DateTimeOffset? asOf = null;
        if (input.AsOfFlag is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                AnsiConsole.MarkupLine($"[red]--as-of: '{Markup.Escape(text)}' is not an instant (ISO 8601).[/]");
                return false;
            }

            asOf = parsed;
        }

        if (input.FormatFlag is not ("json" or "csv"))
        {
            AnsiConsole.MarkupLine("[red]--format is json or csv.[/]");
            return false;
        }

        using var host = input.BuildHost();
        var services = host.Services;
        var tenant = input.TenantFlag ?? services.GetRequiredService<GulouSettings>().DefaultTenant;
        var review = await AnsiConsole.Status().StartAsync($"Replaying the events behind {input.Year} …", _ =>
            services.GetRequiredService<ReviewBuilder>().BuildAsync(tenant, input.Year, asOf, CancellationToken.None));

        var bytes = input.FormatFlag == "csv"
            ? ReviewCsv.Of(review).ToBytes()
            : JsonSerializer.SerializeToUtf8Bytes(review, Indented);
        if (input.OutFlag is { } path)
        {
            await File.WriteAllBytesAsync(path, bytes);
            AnsiConsole.MarkupLine($"Wrote the review of {input.Year} ({review.Differences.Count} changed records) to [bold]{Markup.Escape(path)}[/].");
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes);
        }

        return true;
    }
}

/// <summary>A review as CSV: each target as known and now, then each changed record.</summary>
public static class ReviewCsv
{
    public static CsvTable Of(ReviewDto review)
    {
        var table = new CsvTable(["section", "code", "year", "asKnown", "now", "difference", "changes", "firstChangedAt", "history"]);
        foreach (var (known, now) in review.AsKnown.Targets.Zip(review.Current.Targets))
        {
            table.Add("target", known.Code, review.Year, known.Actual, now.Actual, now.Actual - known.Actual, Codes.Of(known.Status) + " → " + Codes.Of(now.Status), null, known.Drilldown);
        }

        foreach (var (known, now) in review.AsKnown.Measures.Zip(review.Current.Measures))
        {
            table.Add("measure", known.Code, review.Year, known.Official.Activities, now.Official.Activities, now.Official.Activities - known.Official.Activities, null, null, known.Drilldown);
        }

        foreach (var d in review.Differences)
        {
            table.Add(d.Record, d.Id, review.Year, null, null, null, string.Join(' ', d.Changes), d.FirstChangedAt, d.History);
        }

        return table;
    }
}
