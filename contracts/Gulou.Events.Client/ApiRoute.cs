using System.Globalization;

namespace Gulou.Events.Client;

/// <summary>One route of the API: its method and path template, as the service's OpenAPI document names them.</summary>
public sealed record ApiRoute(string Method, string Template)
{
    /// <summary>The path with the template's <c>{placeholders}</c> filled in order, each value escaped.</summary>
    public string Path(params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = Template;
        foreach (var value in values)
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start + 1);
            if (start < 0 || end < 0)
            {
                throw new ArgumentException($"{Template} takes {values.Length - 1} values or fewer.", nameof(values));
            }

            path = path[..start] + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") + path[(end + 1)..];
        }

        return path.Contains('{', StringComparison.Ordinal) ? throw new ArgumentException($"{Template} takes more values.", nameof(values)) : path;
    }

    public override string ToString() => $"{Method} {Template}";
}
