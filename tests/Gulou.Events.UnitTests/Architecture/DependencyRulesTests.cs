using System.Text.RegularExpressions;
using Gulou.Events.Tests;

namespace Gulou.Events.UnitTests.Architecture;

/// <summary>
/// The folders of the service use only the folders that docs/architecture.md allows them: the table under
/// "Dependencies between slices" is the rule, and this test reads it and every <c>Gulou.Events.Api.…</c> name in the
/// service's code (usings and qualified names alike).
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly string Service = RepositoryRoot.Combine("services", "Gulou.Events.Api");

    [Fact]
    public void Every_folder_uses_only_the_folders_its_row_allows()
    {
        var rules = AllowedGraph();
        var violations = References()
            .Where(r => r.From != r.To.Split('.')[0] && !rules[r.From].Any(allowed => Allows(allowed, r.To)))
            .Select(r => $"{r.File}: {r.From} uses {r.To}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(violations.Count == 0,
            "References the table in docs/architecture.md does not allow (move the code, or change the rule there):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Every_folder_of_the_service_has_a_row()
    {
        var rules = AllowedGraph();
        var folders = SourceFolders().ToList();

        Assert.Contains("Activities", folders);
        Assert.Equal(folders.Order(StringComparer.Ordinal), rules.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Infrastructure_knows_no_feature_and_the_plan_catalog_knows_no_record()
    {
        var rules = AllowedGraph();

        Assert.Empty(rules["Infrastructure"]);
        Assert.Equal(["Infrastructure"], rules["Plan"]);
    }

    [Fact]
    public void The_reader_of_the_code_finds_a_reference_written_as_a_using_or_a_qualified_name()
    {
        var text = "using Gulou.Events.Api.Reviews.Locking;\nvar x = Gulou.Events.Api.Progress.ProgressModule.Documents;";

        Assert.Equal(["Reviews.Locking", "Progress.ProgressModule"], Names(text).ToList());
        Assert.True(Allows("Reviews.Locking", "Reviews.Locking"));
        Assert.False(Allows("Reviews.Locking", "Reviews.Sealing"));
        Assert.True(Allows("Progress", "Progress.ProgressModule"));
    }

    private static bool Allows(string allowed, string target) =>
        allowed.Contains('.') ? target == allowed || target.StartsWith(allowed + ".", StringComparison.Ordinal) : target.Split('.')[0] == allowed;


    private static Dictionary<string, List<string>> AllowedGraph()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "architecture.md"));
        var table = doc[doc.IndexOf("<!-- dependency-rules", StringComparison.Ordinal)..];
        var rows = table.Split('\n').Skip(1).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(
                cells => cells[0].Trim('`'),
                cells => cells[1] == "—" ? [] : cells[1].Split(',', StringSplitOptions.TrimEntries).Select(c => c.Trim('`')).ToList());
    }

    private static IEnumerable<string> SourceFolders() =>
        Directory.EnumerateDirectories(Service)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(d => d is not ("bin" or "obj" or "Internal" or "Properties"))
            .Where(d => Directory.EnumerateFiles(Path.Combine(Service, d), "*.cs", SearchOption.AllDirectories).Any());

    private static IEnumerable<(string File, string From, string To)> References() =>
        from folder in SourceFolders()
        from file in Directory.EnumerateFiles(Path.Combine(Service, folder), "*.cs", SearchOption.AllDirectories)
        let relative = Path.GetRelativePath(Service, file).Replace('\\', '/')
        where !relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal)
        from name in Names(File.ReadAllText(file))
        select (relative, folder, name);

    /// <summary>The folder and, when named, the sub-folder (or type) after <c>Gulou.Events.Api.</c>.</summary>
    private static IEnumerable<string> Names(string code) =>
        ApiName().Matches(code).Select(m => m.Groups[1].Value + (m.Groups[2].Success ? "." + m.Groups[2].Value : ""));

    [GeneratedRegex(@"\bGulou\.Events\.Api\.([A-Z][A-Za-z0-9]*)(?:\.([A-Z][A-Za-z0-9]*))?")]
    private static partial Regex ApiName();
}
