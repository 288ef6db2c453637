namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Every API answer: not to be sniffed as another type, framed, or kept in shared caches.</summary>
public static class ApiHeaders
{
    public static IApplicationBuilder UseGulouApiHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        return next(http);
    });
}
