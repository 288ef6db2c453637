namespace Gulou.Events.IntegrationTests.Infrastructure;

public static class OpenApiRoutes
{
    /// <summary>Every route of the API in the service's OpenAPI document, as "METHOD /path/{template}".</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(AppFixture app)
    {
        var document = (await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).Json();
        return document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToList();
    }
}
