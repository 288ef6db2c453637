using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Gulou.Events.Api.Dashboard;

/// <summary>
/// The auditors' page at <c>/dashboard</c>: plain HTML, CSS and JavaScript shipped inside the assembly, served
/// without a key (the page asks for one and then reads only the public API).
/// </summary>
public static class DashboardModule
{
    public const string Path = "/dashboard";
    private const string AssetNamespace = "Gulou.Events.Api.Dashboard.Assets";

    /// <summary>Goes before routing: the page's files need no endpoint and no key.</summary>
    public static IApplicationBuilder UseGulouDashboard(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardModule).Assembly, AssetNamespace);
        app.Map(Path, dashboard =>
        {
            dashboard.Use((http, next) =>
            {
                DashboardHeaders.Apply(http.Response.Headers);
                if (http.Request.Path.Value is null or "" or "/")
                {
                    http.Request.Path = "/index.html";
                }

                return next(http);
            });
            dashboard.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = ContentTypes() });
            // Anything else under /dashboard is not a file of the page; the status-code pages write the problem.
            dashboard.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    /// <summary>Text files say they are UTF-8, so no browser has to guess how to read the Chinese labels.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        return types;
    }
}
