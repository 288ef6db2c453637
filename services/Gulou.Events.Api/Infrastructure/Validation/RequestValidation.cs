using FluentValidation;
using FluentValidation.Results;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.Validation;

public static class RequestValidation
{
    public static IResult RequirePresent<T>(T? request) =>
        request is null ? MissingBody() : WolverineContinue.Result();

    public static async Task<IResult> ValidateAsync<T>(IValidator<T> validator, T? request)
    {
        if (request is null)
        {
            return MissingBody();
        }

        var result = await validator.ValidateAsync(request);
        if (result.IsValid)
        {
            return WolverineContinue.Result();
        }

        var errors = ErrorsOf(result);
        return Results.Problem(Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "One or more fields are invalid.",
            string.Join(" ", errors.SelectMany(e => e.Value)), errors));
    }

    /// <summary>A validator's failures as the <c>errors</c> of a problem: messages grouped by the field's JSON name.</summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationResult result) => result.Errors
        .GroupBy(e => e.PropertyName)
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static IResult MissingBody() => Results.Problem(Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed,
        "One or more fields are invalid.", "A JSON body is required.", new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }));
}
