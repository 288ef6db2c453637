namespace Gulou.Events.Api.Infrastructure.Hosting;

public static class UrlSetup
{
    /// <summary><c>GULOU_URLS</c> (default <c>http://127.0.0.1:5080</c>) unless ASP.NET's own URL settings say otherwise.</summary>
    public static WebApplicationBuilder UseGulouUrls(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(configured))
        {
            builder.WebHost.UseUrls(builder.Configuration["GULOU_URLS"] ?? "http://127.0.0.1:5080");
        }

        return builder;
    }
}
