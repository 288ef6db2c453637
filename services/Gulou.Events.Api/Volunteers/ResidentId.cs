namespace Gulou.Events.Api.Volunteers;

/// <summary>The 18-character resident identity number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();

    public static bool IsValid(string? idNumber)
    {
        if (idNumber is null)
        {
            return false;
        }

        var id = Normalize(idNumber);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }

        return id[17] == CheckCharacters[sum % 11] && HasPlausibleBirthDate(id);
    }

    private static bool HasPlausibleBirthDate(string id) =>
        DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var born)
        && born.Year >= 1900;
}
