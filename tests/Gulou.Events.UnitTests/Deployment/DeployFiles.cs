using System.Text.RegularExpressions;
using Gulou.Events.Tests;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Gulou.Events.UnitTests.Deployment;

/// <summary>The files under deploy/, read as YAML (with compose's merge keys), and the service's own source to check them against.</summary>
internal static partial class DeployFiles
{
    public static string Text(params string[] path) => File.ReadAllText(RepositoryRoot.Combine(["deploy", .. path]));

    public static Node Yaml(params string[] path)
    {
        using var reader = new StringReader(Text(path));
        return new Node(new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader))));
    }

    public static IEnumerable<string> KubernetesFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("deploy", "k8s"), "*.yaml").Select(Path.GetFileName).Order()!;

    /// <summary>Every C# file of the service but the generated handlers, as one text.</summary>
    public static string ServiceSource { get; } = string.Join("\n",
        Directory.EnumerateFiles(RepositoryRoot.Combine("services", "Gulou.Events.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Internal{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    /// <summary>
    /// Whether the service (or the platform it runs on) reads the setting an environment variable or a secret file
    /// names: <c>Gulou__Daemon</c> is read when the source asks for <c>"Gulou:Daemon"</c>.
    /// </summary>
    public static bool IsRead(string variable)
    {
        if (variable.StartsWith("OTEL_", StringComparison.Ordinal) || variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || variable.StartsWith("Logging__LogLevel__", StringComparison.Ordinal))
        {
            return true;
        }

        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        return key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
            ? ServiceSource.Contains($"GetConnectionString(\"{key["ConnectionStrings:".Length..]}\")", StringComparison.Ordinal)
            : ServiceSource.Contains($"\"{key}\"", StringComparison.Ordinal) || ServiceSource.Contains($"\"{variable}\"", StringComparison.Ordinal);
    }

    /// <summary>The <c>ENV</c> settings of the Dockerfile's last stage.</summary>
    public static Dictionary<string, string> DockerfileEnvironment()
    {
        var runtime = Text("Dockerfile").Split("\nFROM ")[^1].Replace("\\\n", " ", StringComparison.Ordinal);
        return runtime.Split('\n').Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => EnvPair().Matches(l[4..]))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_.]*)=(\S*)")]
    private static partial Regex EnvPair();
}

/// <summary>A step through parsed YAML: mappings by key, sequences by index; a missing step fails the test that took it.</summary>
internal sealed class Node(object? value)
{
    public object? Value { get; } = value;

    public Node this[string key] => Value is Dictionary<object, object> map && map.TryGetValue(key, out var v)
        ? new Node(v)
        : throw new KeyNotFoundException($"no '{key}' in {Describe()}");

    public Node this[int index] => new(((List<object>)Value!)[index]);

    public bool Has(string key) => Value is Dictionary<object, object> map && map.ContainsKey(key);

    public IEnumerable<Node> Items => Value is List<object> list ? list.Select(v => new Node(v)) : [];

    public IEnumerable<(string Key, Node Value)> Entries =>
        Value is Dictionary<object, object> map ? map.Select(e => ((string)e.Key, new Node(e.Value))) : [];

    public string Text => Value?.ToString() ?? "";

    private string Describe() => Value is Dictionary<object, object> map ? $"{{{string.Join(", ", map.Keys)}}}" : Value?.GetType().Name ?? "null";
}
