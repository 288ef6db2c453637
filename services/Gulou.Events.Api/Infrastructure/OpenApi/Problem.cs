namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// The one shape of every refusal and error (RFC 9457 problem details, <c>application/problem+json</c>). Decide on
/// <c>code</c>, which is stable; <c>title</c> and <c>detail</c> are for people and may change.
/// </summary>
/// <param name="Type">A URI naming the HTTP status's definition.</param>
/// <param name="Title">A short, human summary of the problem.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong with this request, for people.</param>
/// <param name="Instance">The path of the request.</param>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="TraceId">The request's trace id, to find it in the service's logs.</param>
/// <param name="Errors">For invalid input: the messages for each field, keyed by its JSON name (<c>attendance.youth</c>, <c>items[3].title</c>), query value or route value.</param>
public sealed record Problem(
    string? Type,
    string Title,
    int Status,
    string? Detail,
    string? Instance,
    string Code,
    string? TraceId,
    IReadOnlyDictionary<string, string[]>? Errors);
