using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Volunteers;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress.Tallies;

// Each tally evolves the same record type the write side uses, through the same Apply methods.

public sealed class ActivityTally : ITally<ActivityTally>
{
    public Guid Id { get; set; }

    public ActivityRecord? Activity { get; set; }

    public static bool Follows(object eventData) => eventData is ActivityReported or AttendanceRecorded or EvidenceAttached
        or ActivityCorrected or ActivityRetracted or ActivityVerified or ActivityRejected or ActivityHeldForReview;

    public void Apply(IEvent e)
    {
        switch (e)
        {
            case IEvent<ActivityReported> reported: Activity = ActivityRecord.Create(reported); break;
            case IEvent<AttendanceRecorded> x: Activity?.Apply(x); break;
            case IEvent<EvidenceAttached> x: Activity?.Apply(x); break;
            case IEvent<ActivityCorrected> x: Activity?.Apply(x); break;
            case IEvent<ActivityRetracted> x: Activity?.Apply(x); break;
            case IEvent<ActivityVerified> x: Activity?.Apply(x); break;
            case IEvent<ActivityRejected> x: Activity?.Apply(x); break;
            case IEvent<ActivityHeldForReview> x: Activity?.Apply(x); break;
        }

        Activity?.Version = e.Version;
    }

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => ActivityCounting.Contributions(Activity, plan);
}

public sealed class DesignationTally : ITally<DesignationTally>
{
    public Guid Id { get; set; }

    public DesignationRecord? Designation { get; set; }

    public static bool Follows(object eventData) => eventData is SubjectDesignated or DesignationRevoked or DesignationVerified or DesignationRejected;

    public void Apply(IEvent e)
    {
        switch (e)
        {
            case IEvent<SubjectDesignated> designated when Designation is null: Designation = DesignationRecord.Create(designated); break;
            case IEvent<SubjectDesignated> designated: Designation.Apply(designated); break;
            case IEvent<DesignationRevoked> revoked: Designation?.Apply(revoked); break;
            case IEvent<DesignationVerified> x: Designation?.Apply(x); break;
            case IEvent<DesignationRejected> x: Designation?.Apply(x); break;
        }

        Designation?.Version = e.Version;
    }

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => DesignationCounting.Contributions(Designation, plan);
}

public sealed class VolunteerTally : ITally<VolunteerTally>
{
    public Guid Id { get; set; }

    public VolunteerRecord? Volunteer { get; set; }

    public static bool Follows(object eventData) => eventData is VolunteerRegistered or VolunteerDeregistered or VolunteerVerified or VolunteerRejected;

    public void Apply(IEvent e)
    {
        switch (e)
        {
            case IEvent<VolunteerRegistered> registered when Volunteer is null: Volunteer = VolunteerRecord.Create(registered); break;
            case IEvent<VolunteerRegistered> registered: Volunteer.Apply(registered); break;
            case IEvent<VolunteerDeregistered> left: Volunteer?.Apply(left); break;
            case IEvent<VolunteerVerified> x: Volunteer?.Apply(x); break;
            case IEvent<VolunteerRejected> x: Volunteer?.Apply(x); break;
        }

        Volunteer?.Version = e.Version;
    }

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => VolunteerCounting.Contributions(Volunteer, plan);
}

public sealed class IndicatorTally : ITally<IndicatorTally>
{
    public Guid Id { get; set; }

    public IndicatorRecord? Indicator { get; set; }

    public static bool Follows(object eventData) => eventData is IndicatorObserved or RankObserved
        or ObservationVerified or ObservationRejected or ObservationWithdrawn;

    public void Apply(IEvent e)
    {
        switch (e)
        {
            case IEvent<IndicatorObserved> observed when Indicator is null: Indicator = IndicatorRecord.Create(observed); break;
            case IEvent<IndicatorObserved> observed: Indicator.Apply(observed); break;
            case IEvent<RankObserved> ranked when Indicator is null: Indicator = IndicatorRecord.Create(ranked); break;
            case IEvent<RankObserved> ranked: Indicator.Apply(ranked); break;
            case IEvent<ObservationVerified> x: Indicator?.Apply(x); break;
            case IEvent<ObservationRejected> x: Indicator?.Apply(x); break;
            case IEvent<ObservationWithdrawn> x: Indicator?.Apply(x); break;
        }

        Indicator?.Version = e.Version;
    }

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => IndicatorCounting.Contributions(Indicator, plan);
}

/// <summary>A registered school with stages: the register of the coverage targets. Institutions never change once registered.</summary>
public sealed class SchoolTally : ITally<SchoolTally>
{
    public Guid Id { get; set; }

    public Institution? School { get; set; }

    public static bool Follows(object eventData) => eventData is InstitutionRegistered { Kind: InstitutionKind.School, SchoolStages.Count: > 0 };

    public void Apply(IEvent e)
    {
        if (e is IEvent<InstitutionRegistered> registered)
        {
            School = Institution.Create(registered);
            School.Version = e.Version;
        }
    }

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => SchoolCounting.Contributions(School, plan);
}
