namespace Gulou.Events.Contracts;

/// <summary>The machine-readable <c>code</c> of every problem-details answer.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedJson = "malformed_json";
    public const string MalformedCsv = "malformed_csv";
    public const string MalformedRequest = "malformed_request";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotAcceptable = "not_acceptable";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string VersionConflict = "version_conflict";
    public const string ExternalRefConflict = "external_ref_conflict";
    public const string InvalidState = "invalid_state";
    public const string YearLocked = "year_locked";
    public const string NoPlanForDate = "no_plan_for_date";
    public const string RateLimited = "rate_limited";
    public const string StoreUnavailable = "store_unavailable";
    public const string NotConfigured = "not_configured";
    public const string InternalError = "internal_error";
}
