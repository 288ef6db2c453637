using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>
/// What a test posted, kept by the test itself: the expected figures are computed from this, with plain LINQ
/// written here, never with the service's counting code.
/// </summary>
internal sealed class Ledger
{
    public List<Posted> Activities { get; } = [];

    public Posted Track(ActivityDto activity)
    {
        var posted = new Posted(activity.Id, activity.InstitutionId, activity.Kind, activity.MeasureCodes.ToArray(), activity.OccurredOn.Year, activity.Attendance,
            activity.VolunteerHours, activity.Status, activity.HostInstitutionId);
        Activities.RemoveAll(a => a.Id == activity.Id);
        Activities.Add(posted);
        return posted;
    }

    /// <summary>Rejected, retracted, resubmitted (rejected, then amended) and held (needs_review) activities wait outside.</summary>
    public IEnumerable<Posted> Official => Activities.Where(a => a.Status is ActivityStatus.Reported or ActivityStatus.Verified);

    public IEnumerable<Posted> Verified => Activities.Where(a => a.Status is ActivityStatus.Verified);

    public IEnumerable<Posted> Counted(bool verified) => verified ? Verified : Official;
}

/// <param name="Host">Where it took place when not at the reporter.</param>
internal sealed record Posted(Guid Id, Guid Institution, string Kind, string[] Measures, int Year, AudienceCounts Attendance, decimal Hours, ActivityStatus Status, Guid? Host = null)
{
    /// <summary>The lab that opened: the host, else the reporter.</summary>
    public Guid Place => Host ?? Institution;
}
