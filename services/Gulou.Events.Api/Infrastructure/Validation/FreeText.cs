using FluentValidation;

namespace Gulou.Events.Api.Infrastructure.Validation;

/// <summary>Free text (titles, reasons, notes) as it is checked, stored and compared: trimmed, absent when blank.</summary>
public static class FreeText
{
    public static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>At most <paramref name="maxLength"/> characters and no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(NoControlCharacters).WithMessage("Control characters are not allowed.");

    private static bool NoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);
}
