using System.Reflection;
using System.Text.Json.Nodes;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents every refusal an operation can answer, read from what the endpoint is: its roles (401, 403), its
/// inputs (400), route values (404), an <c>expectedVersion</c> in its body (409), a body at all (413, 415), the
/// rate limiter and the store (429, 503), plus what it declares with <see cref="RefusesAttribute"/>. Each answer
/// is a <see cref="Problem"/> whose possible <c>code</c> values are named, with an example of each.
/// </summary>
internal sealed class ProblemResponsesFilter : IOperationFilter
{
    public const string MediaType = "application/problem+json";

    private static readonly string[] AllRoles = [AccessRoles.Admin, AccessRoles.Unit, AccessRoles.Partner, AccessRoles.Auditor];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var refusals = RefusalsOf(context);
        if (refusals.Count == 0)
        {
            return;
        }

        operation.Responses ??= [];
        foreach (var status in operation.Responses.Keys.Where(k => k.Length == 3 && k[0] is '4' or '5').ToList())
        {
            operation.Responses.Remove(status);
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        foreach (var (status, reasons) in refusals.OrderBy(r => r.Key))
        {
            var response = new OpenApiResponse
            {
                Description = $"{ReasonPhrase(status)}. " + string.Join(" ", reasons.Select(r => $"`{r.Code}`: {r.When}.")),
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [MediaType] = new OpenApiMediaType
                    {
                        Schema = schema,
                        Examples = reasons.Select(r => r.Code).Distinct()
                            .ToDictionary(code => code, code => (IOpenApiExample)ExampleReference(context, status, code)),
                    },
                },
            };
            if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    },
                };
            }

            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }
    }

    /// <summary>The refusals of one operation by status, each with its code and when it is answered.</summary>
    public static SortedDictionary<int, List<(string Code, string When)>> RefusalsOf(OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = metadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method ?? context.MethodInfo;
        var refusals = new SortedDictionary<int, List<(string Code, string When)>>();
        void Add(int status, string code, string when)
        {
            if (!refusals.TryGetValue(status, out var list))
            {
                refusals[status] = list = [];
            }

            if (!list.Contains((code, when)))
            {
                list.Add((code, when));
            }
        }

        if (!description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true)
        {
            return refusals;
        }

        var parameters = description.ParameterDescriptions;
        var raw = metadata.OfType<RawRequestBodyAttribute>().FirstOrDefault();
        var jsonBody = raw is null && parameters.Any(p => p.Source == BindingSource.Body);
        var hasBody = jsonBody || raw is not null;
        var typedQuery = parameters.Where(p => p.Source == BindingSource.Query && p.Type != typeof(string)).Select(p => p.Name).ToList();
        var validated = metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status400BadRequest);
        // A year in the path is checked against the plan's period.
        var wholeNumbersInPath = parameters.Any(p => p.Source == BindingSource.Path && p.Type == typeof(int));

        if (hasBody || typedQuery.Count > 0 || validated || wholeNumbersInPath)
        {
            Add(400, ErrorCodes.ValidationFailed, hasBody
                ? "a field is invalid; `errors` names each one by its JSON name"
                : $"a query or path value is invalid or cannot be read; `errors` names it");
        }

        if (jsonBody)
        {
            Add(400, ErrorCodes.MalformedJson, "the body is not JSON, or a value has the wrong type or is no field of this request; `errors` names it");
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (!anonymous)
        {
            Add(401, ErrorCodes.Unauthenticated, "no `X-Api-Key` was sent, or one this service did not issue or has revoked");
            var roles = metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct().ToList();
            if (roles.Count > 0 && !AllRoles.All(roles.Contains))
            {
                Add(403, ErrorCodes.Forbidden, $"the key's role is not {string.Join(" or ", roles)}");
            }
        }

        // A PUT names what it creates or replaces: its path names nothing yet rather than nothing found.
        foreach (var route in parameters.Where(p => p.Source == BindingSource.Path && description.HttpMethod != "PUT"))
        {
            Add(404, ErrorCodes.NotFound, $"nothing in the key's district has this `{route.Name}`");
        }

        if (parameters.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type is { } bodyType
            && bodyType.GetProperty("ExpectedVersion", BindingFlags.Public | BindingFlags.Instance) is not null)
        {
            Add(409, ErrorCodes.VersionConflict, "`expectedVersion` is not the current version; read the resource again and retry");
        }

        if (hasBody)
        {
            var limit = metadata.OfType<RequestBodyLimitAttribute>().FirstOrDefault()?.Bytes ?? RequestBodyLimit.Default;
            Add(413, ErrorCodes.PayloadTooLarge, $"the body is over {limit:N0} bytes");
            Add(415, ErrorCodes.UnsupportedMediaType, $"the body is not sent as `{raw?.MediaType ?? "application/json"}`");
        }

        var declaredByServices = method?.GetParameters().SelectMany(p => p.ParameterType.GetCustomAttributes<RefusesAttribute>()) ?? [];
        foreach (var declared in (method?.GetCustomAttributes<RefusesAttribute>() ?? []).Concat(declaredByServices))
        {
            Add(declared.Status, declared.Code, declared.When);
        }

        Add(429, ErrorCodes.RateLimited, anonymous
            ? "the client address sent more requests than its limit; wait `Retry-After` seconds"
            : "the key sent more requests than its limit across the service's nodes; wait `Retry-After` seconds, or send many reports in one batch");
        if (!anonymous)
        {
            Add(503, ErrorCodes.StoreUnavailable, "the event store cannot be reached; nothing was recorded, retry after `Retry-After` seconds");
        }

        return refusals;
    }

    private static OpenApiExampleReference ExampleReference(OperationFilterContext context, int status, string code)
    {
        var components = context.Document.Components ??= new OpenApiComponents();
        components.Examples ??= new Dictionary<string, IOpenApiExample>();
        if (!components.Examples.ContainsKey(code))
        {
            components.Examples[code] = new OpenApiExample
            {
                Summary = $"{ReasonPhrase(status)} ({code})",
                Value = new JsonObject
                {
                    ["type"] = TypeOf(status),
                    ["title"] = ReasonPhrase(status),
                    ["status"] = status,
                    ["detail"] = ExampleDetail(code),
                    ["instance"] = "/api/v1/activities/0196a3c2-5a4e-7b61-9c1d-3f2e8a7b6c5d/attendance",
                    ["code"] = code,
                    ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
                },
            };
            if (code is ErrorCodes.ValidationFailed or ErrorCodes.MalformedJson)
            {
                ((OpenApiExample)components.Examples[code]).Value!["errors"] = new JsonObject
                {
                    ["attendance.youth"] = new JsonArray(code == ErrorCodes.ValidationFailed ? "'youth' must be from 0 to 1000000." : "'attendance.youth' has a value of the wrong type or format, or is not a field of this request."),
                };
            }
        }

        return new OpenApiExampleReference(code, context.Document);
    }

    private static string ExampleDetail(string code) => code switch
    {
        ErrorCodes.ValidationFailed => "'youth' must be from 0 to 1000000.",
        ErrorCodes.MalformedJson => "The value of 'attendance.youth' cannot be read.",
        ErrorCodes.MalformedCsv => "Line 3 has 9 fields; the header has 12. Nothing was stored.",
        ErrorCodes.Unauthenticated => "The X-Api-Key header is not a key issued by this service.",
        ErrorCodes.Forbidden => "Only the institution that reported this activity may change it.",
        ErrorCodes.NotFound => "No activity with id '0196a3c2-5a4e-7b61-9c1d-3f2e8a7b6c5d'.",
        ErrorCodes.VersionConflict => "Expected version 3, but the current version is 4. Read the resource again and retry.",
        ErrorCodes.InvalidState => "The activity was retracted; it takes no more attendance.",
        ErrorCodes.ExternalRefConflict => "The externalRef 'FZU-2023-001' already names a different report.",
        ErrorCodes.YearLocked => "2023 is closed and locked; ask the coordinating unit for an exception to change its figures.",
        ErrorCodes.PayloadTooLarge => "The body is 2097152 bytes; this route takes at most 1048576.",
        ErrorCodes.UnsupportedMediaType => "Send the body with Content-Type: application/json.",
        ErrorCodes.RateLimited => "This key sent more than 50 requests a second. Retry after 1 s, or send many activities in one batch.",
        ErrorCodes.StoreUnavailable => "The event store cannot be reached. Retry shortly; nothing was recorded by this request.",
        ErrorCodes.NotConfigured => "Volunteer registration is not configured on this service.",
        _ => "The request was refused.",
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
    };
}
