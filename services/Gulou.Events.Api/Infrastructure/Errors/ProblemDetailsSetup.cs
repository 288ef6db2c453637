using System.Text.RegularExpressions;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Gulou.Events.Api.Infrastructure.Errors;

public static partial class ProblemDetailsSetup
{
    /// <summary>
    /// Every problem answer, whoever writes it (our endpoints, Wolverine's JSON reader, the status-code pages),
    /// passes through the one customisation below, so they all carry <c>code</c> and <c>traceId</c>.
    /// </summary>
    public static IServiceCollection AddGulouProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => Complete(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<GulouExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseGulouProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static void Complete(ProblemDetails problem, HttpContext http)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Instance ??= http.Request.Path;
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);

        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        if (status == StatusCodes.Status400BadRequest && problem.Title == "Invalid JSON format")
        {
            // Written by Wolverine's body reader: name the field from the JSON path in the reader's message.
            problem.Extensions["code"] = ErrorCodes.MalformedJson;
            var field = FieldFromJsonMessage(problem.Detail);
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [field] = [field == "body" ? "The body is not valid JSON for this request." : $"'{field}' has a value of the wrong type or format, or is not a field of this request."],
            };
            problem.Detail = field == "body" ? "The request body is not valid JSON." : $"The value of '{field}' cannot be read.";
            return;
        }

        if (status == StatusCodes.Status400BadRequest && problem.Extensions.TryGetValue("parameter", out var parameter) && parameter is string name)
        {
            // Written by Wolverine for a query value it cannot parse.
            problem.Extensions["code"] = ErrorCodes.ValidationFailed;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [problem.Detail ?? $"'{name}' cannot be read."] };
            return;
        }

        if (status == StatusCodes.Status400BadRequest && problem is HttpValidationProblemDetails)
        {
            problem.Extensions["code"] = ErrorCodes.ValidationFailed;
            return;
        }

        problem.Extensions["code"] = Problems.DefaultCode(status);
    }

    /// <summary>Turns "… Path: $.attendance.youth | LineNumber: …" into "attendance.youth"; names an unknown member too.</summary>
    public static string FieldFromJsonMessage(string? message)
    {
        if (message is null)
        {
            return "body";
        }

        var path = JsonPath().Match(message) is { Success: true } m
            ? m.Groups["path"].Value.TrimStart('$').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.')
            : "";
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            return path.Length == 0 || path.EndsWith(name, StringComparison.Ordinal) ? (path.Length == 0 ? name : path) : $"{path}.{name}";
        }

        return path.Length == 0 ? "body" : path;
    }

    [GeneratedRegex("The JSON property '(?<name>[^']{1,100})' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"Path: (?<path>\$[^\s|]*)")]
    private static partial Regex JsonPath();
}
