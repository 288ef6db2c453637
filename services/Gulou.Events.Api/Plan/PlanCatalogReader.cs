using System.Security.Cryptography;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>
/// Reads a plan catalog from its JSON text and checks it: the shipped file at start, a catalog published over the API,
/// <c>plan validate</c> on the command line. Every problem comes with its JSON path; the hash is SHA-256 of the bytes.
/// </summary>
public static class PlanCatalogReader
{
    public sealed record Reading(PlanCatalog? Catalog, string ContentHash, IReadOnlyList<CatalogProblem> Problems)
    {
        public bool IsValid => Catalog is not null && Problems.Count == 0;
    }

    public static Reading Read(byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        PlanCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<PlanCatalog>(bytes, JsonDefaults.Create());
        }
        catch (JsonException e)
        {
            // A catalog written for an earlier release names its stock targets with a flag the explicit reading replaced.
            var hint = e.Message.Contains("includeBeforePeriod", StringComparison.Ordinal)
                ? " (includeBeforePeriod is replaced by \"reading\": \"standing\" or \"new_in_period\")"
                : "";
            return new Reading(null, hash, [new CatalogProblem(e.Path ?? "$", FirstSentence(e.Message) + hint)]);
        }

        if (catalog is null)
        {
            return new Reading(null, hash, [new CatalogProblem("$", "the catalog is empty")]);
        }

        var problems = new List<CatalogProblem>();
        if (string.IsNullOrWhiteSpace(catalog.Id))
        {
            problems.Add(new CatalogProblem("$.id", "a plan has an id"));
        }

        if (catalog.Period is null || catalog.Period.From < 2000 || catalog.Period.To < catalog.Period.From || catalog.Period.To > 2100)
        {
            problems.Add(new CatalogProblem("$.period", "a plan's period runs from one year to the same or a later one, between 2000 and 2100"));
            return new Reading(catalog, hash, problems);
        }

        problems.AddRange(PlanCatalogRules.CheckAt(catalog));
        return new Reading(catalog, hash, problems);
    }

    /// <summary>The problems as a problem-details <c>errors</c> map, keyed by JSON path.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(IEnumerable<CatalogProblem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    private static string FirstSentence(string message) =>
        message.Split(" Path: ", 2)[0];
}
