using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Gulou.Events.Api.Infrastructure.Errors;

/// <summary>Builds the service's one error shape: RFC 9457 problem details with a <c>code</c> and, for bad fields, <c>errors</c>.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Title = title }
            : new ProblemDetails { Title = title };
        problem.Status = status;
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails From(ProblemException exception)
    {
        var problem = Create(exception.Status, exception.Code, exception.Title, exception.Detail, exception.Errors);
        foreach (var (name, value) in exception.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>The code for an answer that was produced without one (by the framework or the status-code pages).</summary>
    public static string DefaultCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => ErrorCodes.NotAcceptable,
        StatusCodes.Status409Conflict => ErrorCodes.VersionConflict,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.StoreUnavailable,
        _ when status >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.MalformedRequest,
    };
}
