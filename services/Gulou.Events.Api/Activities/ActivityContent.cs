using Gulou.Events.Api.Infrastructure.Validation;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// The counted content of a report, normalised (trimmed text, sorted distinct measure codes) so that the same
/// report sent twice has the same <see cref="Hash"/>, whatever its whitespace or the order of its codes.
/// The host enters the hash only when there is one, so a report of before hosts were kept hashes as it did.
/// </summary>
public sealed record ActivityContent(
    string Kind,
    IReadOnlyList<string> MeasureCodes,
    string Title,
    DateOnly OccurredOn,
    DateOnly? EndsOn,
    string? Venue,
    string? Community,
    AudienceCounts Attendance,
    decimal VolunteerHours,
    Guid? HostInstitutionId = null)
{
    public static ActivityContent Of(ActivityRecord activity) => new(
        activity.Kind, activity.MeasureCodes, activity.Title, activity.OccurredOn, activity.EndsOn,
        activity.Venue, activity.Community, activity.Attendance, activity.VolunteerHours, activity.HostInstitutionId);

    public static IReadOnlyList<string> NormalizeCodes(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public string Hash()
    {
        var a = Attendance;
        var canonical = string.Join('\n',
            Kind,
            string.Join(',', MeasureCodes),
            Title,
            OccurredOn.ToString("O", CultureInfo.InvariantCulture),
            EndsOn?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            Venue ?? "",
            Community ?? "",
            string.Join(',', a.Youth, a.Workers, a.Elderly, a.Cadres, a.Public),
            VolunteerHours.ToString("0.##", CultureInfo.InvariantCulture));
        if (HostInstitutionId is { } host)
        {
            canonical += "\nhost:" + host.ToString("D");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The names (as in the API) of the fields that differ between two contents.</summary>
    public IReadOnlyList<string> ChangedFrom(ActivityContent before)
    {
        var changed = new List<string>();
        if (Kind != before.Kind) changed.Add("kind");
        if (!MeasureCodes.SequenceEqual(before.MeasureCodes)) changed.Add("measureCodes");
        if (Title != before.Title) changed.Add("title");
        if (OccurredOn != before.OccurredOn) changed.Add("occurredOn");
        if (EndsOn != before.EndsOn) changed.Add("endsOn");
        if (Venue != before.Venue) changed.Add("venue");
        if (Community != before.Community) changed.Add("community");
        if (Attendance != before.Attendance) changed.Add("attendance");
        if (VolunteerHours != before.VolunteerHours) changed.Add("volunteerHours");
        if (HostInstitutionId != before.HostInstitutionId) changed.Add("hostInstitutionId");
        return changed;
    }
}
