namespace Gulou.Events.Api.Activities.Duplicates;

/// <summary>An activity as the duplicate search sees it.</summary>
public sealed record DuplicateCandidate(Guid Id, Guid InstitutionId, string Kind, DateOnly OccurredOn, string Title);

/// <summary>A group of likely duplicates: the ids, and the weakest likeness that links them.</summary>
public sealed record DuplicateGroup(string Kind, DateOnly OccurredOn, decimal Similarity, IReadOnlyList<Guid> Ids);

/// <summary>
/// Likely duplicates: activities of the same kind on the same day, reported by different institutions, whose
/// normalised titles are at least <see cref="TitleSimilarity.Threshold"/> alike. Such pairs link activities into
/// groups (a link of a link is in the same group); a group is every activity linked, oldest first by the order given.
/// </summary>
public static class DuplicateGroups
{
    public static IReadOnlyList<DuplicateGroup> Find(IEnumerable<DuplicateCandidate> candidates)
    {
        var groups = new List<DuplicateGroup>();
        foreach (var day in candidates.GroupBy(c => (c.Kind, c.OccurredOn)).Where(g => g.Select(c => c.InstitutionId).Distinct().Count() > 1))
        {
            var items = day.ToList();
            var titles = items.Select(c => TitleSimilarity.Normalize(c.Title)).ToList();
            var parent = Enumerable.Range(0, items.Count).ToArray();
            var weakest = new Dictionary<int, decimal>();
            int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);

            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    if (items[i].InstitutionId == items[j].InstitutionId)
                    {
                        continue;
                    }

                    var likeness = TitleSimilarity.Of(titles[i], titles[j]);
                    if (likeness < TitleSimilarity.Threshold)
                    {
                        continue;
                    }

                    var (a, b) = (Root(i), Root(j));
                    var link = Math.Min(likeness, Math.Min(weakest.GetValueOrDefault(a, 1m), weakest.GetValueOrDefault(b, 1m)));
                    parent[b] = a;
                    weakest[a] = link;
                }
            }

            groups.AddRange(Enumerable.Range(0, items.Count).GroupBy(Root).Where(g => g.Count() > 1)
                .Select(g => new DuplicateGroup(day.Key.Kind, day.Key.OccurredOn, weakest[g.Key], g.Select(i => items[i].Id).ToList())));
        }

        return groups.OrderBy(g => g.OccurredOn).ThenBy(g => g.Kind, StringComparer.Ordinal).ThenBy(g => g.Ids[0]).ToList();
    }
}
