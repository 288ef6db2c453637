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
    public static T? ParseQuery<T>(string field, string? code) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Of(value), code, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw ProblemException.Invalid(field, $"'{code}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(Of))}.");
    }
}
