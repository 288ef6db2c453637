using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Gulou.Events.Api.Dashboard;

/// <summary>
/// The auditors' page at <c>/dashboard</c>, the partners' at <c>/report</c> and the units' at <c>/verify</c>: plain
/// HTML, CSS and JavaScript shipped inside the assembly, served without a key (each page asks for one and then reads
/// and writes only the public API). The three share their script modules and style sheet under <c>/dashboard/</c>.
/// </summary>
public static class DashboardModule
{
    public const string Path = "/dashboard";
    public const string ReportPath = "/report";
    public const string VerifyPath = "/verify";
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
        app.Map(ReportPath, page => ServePage(page, files, "/report.html"));
        app.Map(VerifyPath, page => ServePage(page, files, "/verify.html"));
        return app;
    }

    /// <summary>A page that is one HTML file (its modules come from /dashboard/): anything under its path is not found.</summary>
    private static void ServePage(IApplicationBuilder page, IFileProvider files, string file)
    {
        page.Use((http, next) =>
        {
            DashboardHeaders.Apply(http.Response.Headers);
            if (http.Request.Path.Value is not (null or "" or "/"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            http.Request.Path = file;
            return next(http);
        });
        page.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = ContentTypes() });
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
