using System.Diagnostics;
using Gulou.Events.Tests;

namespace Gulou.Events.IntegrationTests.Hosting;

/// <summary>
/// Release builds load the Wolverine handlers that are committed under Internal/Generated and compile none at run
/// time. This test regenerates them and fails when the committed copy differs: run build/codegen.sh and commit.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public async Task The_committed_generated_handlers_are_current()
    {
        var api = RepositoryRoot.Combine("services", "Gulou.Events.Api");
        var committed = Path.Combine(api, "Internal", "Generated");
        var fresh = Directory.CreateTempSubdirectory("gulou-codegen-").FullName;
        var assembly = typeof(Program).Assembly.Location;

        var start = new ProcessStartInfo("dotnet", [assembly, "codegen", "write"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = api,
        };
        start.Environment["Gulou__GeneratedCodeOutputPath"] = fresh;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);

        var expected = Files(fresh);
        var actual = Files(committed);
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
            $"Generated files differ. Fresh: {string.Join(", ", expected.Keys.Order())}; committed: {string.Join(", ", actual.Keys.Order())}. Run build/codegen.sh.");
        foreach (var (name, text) in expected)
        {
            Assert.True(text == actual[name], $"{name} is stale. Run build/codegen.sh and commit the result.");
        }
    }

    /// <summary>
    /// One save per request: every write endpoint saves its own session once, after its checks and the closed-year
    /// lock, so the handler Wolverine generates around it never saves again (no automatic transactions).
    /// </summary>
    [Fact]
    public void No_generated_handler_saves_the_session_after_its_endpoint()
    {
        var handlers = Files(RepositoryRoot.Combine("services", "Gulou.Events.Api", "Internal", "Generated"));

        Assert.Contains(handlers.Keys, name => name.EndsWith("POST_api_v1_activities.cs", StringComparison.Ordinal));
        Assert.Empty(handlers.Where(h => h.Value.Contains("SaveChangesAsync", StringComparison.Ordinal)).Select(h => h.Key));
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"));
}
