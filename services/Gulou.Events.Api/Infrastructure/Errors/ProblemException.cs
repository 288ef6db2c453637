using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Infrastructure.Errors;

/// <summary>
/// A refusal that the client could have avoided. Thrown where a decision cannot go on, turned into
/// one problem-details answer by <see cref="GulouExceptionHandler"/>.
/// </summary>
public sealed class ProblemException : Exception
{
    public ProblemException(
        int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        Errors = errors;
        Extensions = extensions;
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>More members of the problem body, beside <c>code</c> and <c>errors</c> (a batch's item results).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public static ProblemException NotFound(string what, object id) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", $"No {what} with id '{id}'.");

    public static ProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden", detail);

    public static ProblemException Conflict(string code, string detail) =>
        new(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static ProblemException StaleVersion(long expected, long actual) =>
        Conflict(ErrorCodes.VersionConflict, $"Expected version {expected}, but the current version is {actual}. Read the resource again and retry.");

    public static ProblemException InvalidState(string detail) =>
        Conflict(ErrorCodes.InvalidState, detail);

    public static ProblemException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "One or more fields are invalid.",
            string.Join(" ", errors.SelectMany(e => e.Value)), errors);
}
