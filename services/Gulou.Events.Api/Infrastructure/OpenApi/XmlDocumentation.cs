using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// The XML comments of the service and of its contracts (built beside their assemblies), read as plain text with
/// <c>code</c> in backticks: what the OpenAPI document says about each endpoint, feature and body.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    public XmlDocumentation(IEnumerable<Assembly> assemblies)
    {
        foreach (var path in assemblies.Select(FileOf).Where(File.Exists))
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    _members[name] = member;
                }
            }
        }
    }

    /// <summary>The XML file the compiler writes beside an assembly.</summary>
    public static string FileOf(Assembly assembly) => Path.ChangeExtension(assembly.Location, ".xml");

    public string? SummaryOf(MethodInfo method) => TextOf(MemberOf(method), "summary");

    public string? RemarksOf(MethodInfo method) => TextOf(MemberOf(method), "remarks");

    public string? SummaryOf(Type type) => TextOf(_members.GetValueOrDefault("T:" + NameOf(type)), "summary");

    /// <summary>The first sentence of a text: an operation's summary line.</summary>
    public static string FirstSentence(string text)
    {
        var match = Sentence().Match(text);
        return (match.Success ? match.Groups["first"].Value : text).Trim();
    }

    /// <summary>A schema's and its properties' descriptions name types and members briefly (<c>ReportActivity.MeasureCodes</c> → <c>MeasureCodes</c>).</summary>
    public static void ShortenNames(Microsoft.OpenApi.IOpenApiSchema schema)
    {
        if (schema is not Microsoft.OpenApi.OpenApiSchema concrete)
        {
            return;
        }

        concrete.Description = concrete.Description is null ? null : QualifiedName().Replace(concrete.Description, "$1");
        foreach (var property in concrete.Properties?.Values.OfType<Microsoft.OpenApi.OpenApiSchema>() ?? [])
        {
            property.Description = property.Description is null ? null : QualifiedName().Replace(property.Description, "$1");
        }
    }

    private XElement? MemberOf(MethodInfo method)
    {
        var prefix = $"M:{NameOf(method.DeclaringType!)}.{method.Name}";
        return _members.GetValueOrDefault(prefix)
            ?? _members.Where(m => m.Key.StartsWith(prefix + "(", StringComparison.Ordinal)).Select(m => m.Value).FirstOrDefault();
    }

    private static string NameOf(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string? TextOf(XElement? member, string element)
    {
        if (member?.Element(element) is not { } node)
        {
            return null;
        }

        var text = new StringBuilder();
        Render(node, text);
        var paragraphs = Blank().Split(text.ToString()).Select(p => Spaces().Replace(p, " ").Trim()).Where(p => p.Length > 0);
        var normalized = string.Join("\n\n", paragraphs);
        return normalized.Length == 0 ? null : normalized;
    }

    private static void Render(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "c" } c:
                    text.Append('`').Append(c.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var cref = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? "";
                    text.Append(see.Value.Length > 0 ? see.Value : ShortName(cref));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append('`').Append(reference.Attribute("name")?.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "para" } para:
                    text.Append("\n\n");
                    Render(para, text);
                    text.Append("\n\n");
                    break;
                case XElement other:
                    Render(other, text);
                    break;
            }
        }
    }

    /// <summary><c>T:Gulou.Events.Contracts.Activities.ReportActivity</c> → <c>ReportActivity</c>; a member keeps its type's name.</summary>
    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }

        var parts = name.Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}";
    }

    [GeneratedRegex(@"^(?<first>.+?[.!?])(\s|$)", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\bGulou\.Events\.(?:\w+\.)*(\w+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Blank();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
