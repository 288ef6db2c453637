namespace Gulou.Events.Api.Dashboard;

/// <summary>
/// The headers of every dashboard response. The policy allows only the page's own files and its own origin's API:
/// no inline script or style, no eval, no framing, no form posted anywhere (the key form is handled by script).
/// </summary>
public static class DashboardHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The files are not fingerprinted: the browser keeps them but asks each time (ETag, Last-Modified → 304),
        // so a new release is seen at once and an unchanged file costs no body.
        headers.CacheControl = "no-cache";
    }
}
