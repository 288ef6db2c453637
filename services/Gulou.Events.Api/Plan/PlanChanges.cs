using System.Text.Json;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>What one version of a plan's catalog changes from another, in the terms a review lists a catalog difference in.</summary>
public static class PlanChanges
{
    public static IReadOnlyList<string> Between(PlanCatalog before, PlanCatalog after)
    {
        var changes = new List<string>();
        var old = before.Targets.ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var target in after.Targets)
        {
            if (!old.TryGetValue(target.Code, out var was))
            {
                changes.Add($"target_added:{target.Code}");
                continue;
            }

            if (was.Value != target.Value || was.Comparison != target.Comparison || was.Kind != target.Kind)
            {
                changes.Add($"target_value:{target.Code}");
            }

            if (Json(was.Counting) != Json(target.Counting) || was.Period != target.Period)
            {
                changes.Add($"counting:{target.Code}");
            }
        }

        changes.AddRange(before.Targets.Where(t => after.Targets.All(a => a.Code != t.Code)).Select(t => $"target_removed:{t.Code}"));
        if (Json(before.Measures) != Json(after.Measures) || Json(before.Sections) != Json(after.Sections))
        {
            changes.Add("measures");
        }

        if (Json(before.ActivityKinds) != Json(after.ActivityKinds))
        {
            changes.Add("activity_kinds");
        }

        if (Json(before.Units) != Json(after.Units) || before.CoordinatingUnit != after.CoordinatingUnit)
        {
            changes.Add("units");
        }

        if (changes.Count == 0)
        {
            changes.Add("other");
        }

        return changes;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
