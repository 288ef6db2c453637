using System.Globalization;
using System.Text;

namespace Gulou.Events.Api.Activities.Duplicates;

/// <summary>
/// How alike two activity titles are. A title is normalised first: full-width forms folded to their ordinary width
/// (U+FF01–U+FF5E to ASCII: letters, digits, brackets), lower case, and every punctuation mark, symbol, space and
/// control character dropped, so "２０２３年 鼓楼区青少年机器人竞赛！" and "2023年鼓楼区青少年机器人竞赛" are the same.
/// Two normalised titles are compared by the Sørensen–Dice coefficient of their character bigrams (a one-character
/// title is its own gram): twice the bigrams they share over the bigrams of both, from 0 (nothing shared) to 1.
/// </summary>
public static class TitleSimilarity
{
    /// <summary>Titles at least this alike are likely the same event (a word or a year added, a bracket moved).</summary>
    public const decimal Threshold = 0.8m;

    // The full-width forms of the printable ASCII characters (！ to ～), and how far they stand from them.
    private const int FullWidthFirst = 0xFF01;
    private const int FullWidthLast = 0xFF5E;
    private const int FullWidthOffset = 0xFEE0;

    public static string Normalize(string title)
    {
        var text = new StringBuilder(title.Length);
        foreach (var rune in title.EnumerateRunes())
        {
            var folded = Rune.ToLowerInvariant(rune.Value is >= FullWidthFirst and <= FullWidthLast ? new Rune(rune.Value - FullWidthOffset) : rune);
            if (!IsDropped(Rune.GetUnicodeCategory(folded)))
            {
                text.Append(folded.ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>The likeness of two normalised titles, rounded to four places.</summary>
    public static decimal Of(string normalizedA, string normalizedB)
    {
        if (normalizedA == normalizedB)
        {
            return normalizedA.Length == 0 ? 0 : 1;
        }

        var a = Grams(normalizedA);
        var b = Grams(normalizedB);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var counts = a.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var gram in b)
        {
            if (counts.TryGetValue(gram, out var left) && left > 0)
            {
                counts[gram] = left - 1;
                shared++;
            }
        }

        return Math.Round(2m * shared / (a.Count + b.Count), 4);
    }

    private static List<string> Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        return runes.Count == 1 ? runes : runes.Zip(runes.Skip(1), (x, y) => x + y).ToList();
    }

    private static bool IsDropped(UnicodeCategory category) => category
        is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.SpaceSeparator
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control or UnicodeCategory.Format;
}
