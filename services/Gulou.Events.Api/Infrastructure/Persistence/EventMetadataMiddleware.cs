using Gulou.Events.Api.Infrastructure.Security;
using Marten;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Stamps every event a request appends with who recorded it (key and institution) and the correlation id.
/// Wolverine hands this middleware the same session the endpoint writes with.
/// </summary>
public static class EventMetadataMiddleware
{
    public const string KeyHeader = "keyId";
    public const string InstitutionHeader = "institutionId";

    public static void Before(HttpContext http, IDocumentSession session)
    {
        session.CorrelationId = CorrelationId.Of(http);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var caller = Caller.From(http.User);
        session.LastModifiedBy = caller.InstitutionId.ToString();
        session.SetHeader(KeyHeader, caller.KeyId.ToString());
        session.SetHeader(InstitutionHeader, caller.InstitutionId.ToString());
    }
}
