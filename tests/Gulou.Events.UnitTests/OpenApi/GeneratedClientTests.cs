using Gulou.Events.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Gulou.Events.UnitTests.OpenApi;

/// <summary>
/// A client generated from the checked-in OpenAPI document (docs/openapi.json) by NSwag, as a consumer would make
/// one, compiles, and its methods and types carry the API's own names.
/// </summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public async Task An_nswag_client_of_the_document_compiles_with_readable_names()
    {
        var json = await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "openapi.json"));
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "GulouClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            GenerateClientInterfaces = true,
        };
        settings.CSharpGeneratorSettings.Namespace = "Gulou.Events.Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Gulou.Events.Generated", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, $"{errors.Count} errors:\n" + string.Join("\n", errors.Take(20)));

        var types = System.Reflection.Assembly.Load(assembly.ToArray()).GetTypes();
        var client = types.Single(t => t.Name == "GulouClient");
        var methods = client.GetMethods().Select(m => m.Name).ToHashSet();
        foreach (var operation in document.Operations.Select(o => o.Operation.OperationId))
        {
            Assert.Contains(operation + "Async", methods);
        }

        Assert.Equal("ActivityDto", client.GetMethod("AttachEvidenceAsync", [typeof(Guid), types.Single(t => t.Name == "AttachEvidence")])!.ReturnType.GetGenericArguments()[0].Name);
        Assert.Contains(types, t => t.Name == "Problem");
        Assert.Contains(types, t => t.Name == "ReportActivity");
        // No made-up names for bodies or answers the document left unnamed.
        Assert.DoesNotContain(types, t => t.Name.StartsWith("Anonymous", StringComparison.Ordinal) || t.Name.StartsWith("Response", StringComparison.Ordinal)
            || t.Name.StartsWith("Body", StringComparison.Ordinal));
    }
}
