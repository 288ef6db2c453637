using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// Gives each operation its words from the endpoint method's XML comment: the first sentence as the summary, the
/// whole comment and who may call it as the description. An endpoint without a comment is summarized from its
/// operation id (<c>AttachEvidence</c> → "Attach evidence"). Operation ids stay as the endpoints declare them.
/// </summary>
internal sealed partial class OperationTextFilter(XmlDocumentation docs) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var method = metadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method ?? context.MethodInfo;
        var text = method is null ? null : docs.SummaryOf(method);
        var remarks = method is null ? null : docs.RemarksOf(method);
        operation.Summary = text is null ? Words(operation.OperationId ?? method?.Name ?? "Operation") : XmlDocumentation.FirstSentence(text);

        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
        var who = metadata.OfType<IAllowAnonymous>().Any()
            ? "Needs no key."
            : roles.Count > 0
                ? $"Needs a key whose role is {string.Join(" or ", roles.SelectMany(r => r!.Split(',', StringSplitOptions.TrimEntries)).Distinct().Select(r => $"`{r}`"))}."
                : "Needs a key of any role.";
        operation.Description = string.Join("\n\n", new[] { text, remarks, who }.Where(t => !string.IsNullOrEmpty(t)));
    }

    /// <summary>The feature an endpoint belongs to: the first namespace below the service's own (<c>Activities</c>, <c>Progress</c>).</summary>
    public static string FeatureOf(Type type)
    {
        var root = typeof(OperationTextFilter).Assembly.GetName().Name + ".";
        var ns = type.Namespace ?? "";
        return ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Split('.')[0] : ns.Split('.')[^1];
    }

    public static string TagOf(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        var method = description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method
            ?? description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        return method?.DeclaringType is { } type ? FeatureOf(type) : "Service";
    }

    private static string Words(string identifier)
    {
        var words = Capital().Replace(identifier, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? identifier : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capital();
}
