using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// The document as a whole: a relative server, every tag described by its feature's module (the XML summary of
/// <c>{Feature}Module</c>), and paths, tags, schemas and examples in a stable order, so that the checked-in copy
/// (docs/openapi.json) changes only when the API does.
/// </summary>
internal sealed class DocumentShapeFilter(XmlDocumentation docs) : IDocumentFilter
{
    private static readonly string[] Replaced = ["HttpValidationProblemDetails", "ProblemDetails"];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Where(n => n is not null).Distinct().Order(StringComparer.Ordinal);
        document.Tags = new SortedSet<OpenApiTag>(
            used.Select(name => new OpenApiTag { Name = name, Description = DescriptionOf(name!) }),
            Comparer<OpenApiTag>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)));

        var paths = document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        document.Paths.Clear();
        foreach (var (path, item) in paths)
        {
            document.Paths.Add(path, item);
        }

        if (document.Components is { } components)
        {
            if (components.Schemas is { } schemas)
            {
                var referenced = ReferencedSchemas(document);
                components.Schemas = schemas.Where(s => !Replaced.Contains(s.Key) || referenced.Contains(s.Key))
                    .OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value);
            }

            if (components.Examples is { } examples)
            {
                components.Examples = examples.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value);
            }
        }
    }

    /// <summary>What a feature's module says about it; the tag stays undescribed (and a test fails) when it says nothing.</summary>
    private string? DescriptionOf(string feature)
    {
        var root = typeof(DocumentShapeFilter).Assembly.GetName().Name;
        var module = typeof(DocumentShapeFilter).Assembly.GetType($"{root}.{feature}.{feature}Module");
        return module is null ? null : docs.SummaryOf(module);
    }

    private static HashSet<string> ReferencedSchemas(OpenApiDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            var media = (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values ?? [])
                .Concat(operation.RequestBody?.Content?.Values ?? []);
            foreach (var schema in media.Select(m => m.Schema))
            {
                if (schema is OpenApiSchemaReference { Reference.Id: { } id })
                {
                    names.Add(id);
                }
            }
        }

        return names;
    }

    /// <summary>The assemblies whose XML comments the document reads.</summary>
    public static Assembly[] DocumentedAssemblies => [typeof(DocumentShapeFilter).Assembly, typeof(Contracts.ErrorCodes).Assembly];
}
