namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Every API answer: not to be sniffed as another type, framed, or kept in shared caches (nor kept at all, unless it carries an entity tag).</summary>
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
                // An answer with an entity tag says itself how it may be kept (private, revalidated each time).
                if (string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
        }

        return next(http);
    });
}
