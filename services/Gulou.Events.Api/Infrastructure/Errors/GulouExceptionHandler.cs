using System.Net.Sockets;
using System.Text.Json;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Gulou.Events.Api.Infrastructure.Errors;

/// <summary>Maps what escapes an endpoint to a problem answer: refusals keep their status, a lost database is 503, the rest 500.</summary>
public sealed partial class GulouExceptionHandler(IProblemDetailsService problemDetails, ILogger<GulouExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException refusal => Problems.From(refusal),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                Problems.Create(413, ErrorCodes.PayloadTooLarge, "Payload too large", bad.Message),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, ErrorCodes.MalformedRequest, "Bad request", bad.Message),
            JsonException json => Problems.Create(400, ErrorCodes.MalformedJson, "Invalid JSON format", "The request body cannot be read.",
                new Dictionary<string, string[]> { [ProblemDetailsSetup.FieldFromJsonMessage(json.Message)] = ["Wrong type or format."] }),
            JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException =>
                Problems.Create(409, ErrorCodes.VersionConflict, "Conflict", "The resource was changed by another request. Read it again and retry."),
            _ when IsStoreUnavailable(exception) =>
                Problems.Create(503, ErrorCodes.StoreUnavailable, "Service unavailable", "The event store cannot be reached. Retry shortly; nothing was recorded by this request."),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.Create(500, ErrorCodes.InternalError, "Internal error", "The request failed on the server. It has been logged.");
        }
        else if (problem.Status == 503)
        {
            LogStoreUnavailable(logger, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsStoreUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(LogLevel.Error, "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(LogLevel.Warning, "Event store unavailable: {ExceptionType}: {Message}")]
    private static partial void LogStoreUnavailable(ILogger logger, string exceptionType, string message);
}
