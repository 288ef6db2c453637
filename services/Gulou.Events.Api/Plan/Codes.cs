using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Errors;

namespace Gulou.Events.Api.Plan;

/// <summary>The code of an enum value as the API and the catalog write it: <c>CertifiedCommunity</c> → <c>certified_community</c>.</summary>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>
    /// A query parameter holding a code (<c>certified_community</c>), as bodies and answers write it; null when absent.
    /// Query parameters of enum type would accept only the .NET name (<c>CertifiedCommunity</c>), which clients
    /// written against them send: it is still accepted.
    /// </summary>
    public static T? ParseQuery<T>(string field, string? code) where T : struct, Enum =>
        string.IsNullOrEmpty(code) ? null : Find<T>(code) ?? throw ProblemException.Invalid(field, NotOneOf<T>(code));

    /// <summary>Whether a query value is empty or a value of <typeparamref name="T"/> as <see cref="ParseQuery{T}"/> reads it (for validators).</summary>
    public static bool IsQueryCode<T>(string? code) where T : struct, Enum => string.IsNullOrEmpty(code) || Find<T>(code) is not null;

    public static string NotOneOf<T>(string? code) where T : struct, Enum =>
        $"'{code}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(Of))}.";

    private static T? Find<T>(string code) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(value =>
            string.Equals(Of(value!.Value), code, StringComparison.OrdinalIgnoreCase) || string.Equals(value.Value.ToString(), code, StringComparison.OrdinalIgnoreCase));
}
