using System.Text.Json;

namespace Gulou.Events.Api.Plan;

/// <summary>The code of an enum value as the API and the catalog write it: <c>CertifiedCommunity</c> → <c>certified_community</c>.</summary>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
