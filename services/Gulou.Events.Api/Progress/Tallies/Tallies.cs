using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress.Tallies;

// Each tally evolves the same record type the write side uses, through the same Create and Apply methods
// (RecordEvolution), and follows the events the record lists.

public sealed class ActivityTally : ITally<ActivityTally>
{
    public Guid Id { get; set; }

    public ActivityRecord? Activity { get; set; }

    public static bool Follows(object eventData) => RecordEvolution.Follows<ActivityRecord>(eventData.GetType());

    public void Apply(IEvent e) => Activity = RecordEvolution.Evolve(Activity, e);

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => ActivityCounting.Contributions(Activity, plan);
}

public sealed class DesignationTally : ITally<DesignationTally>
{
    public Guid Id { get; set; }

    public DesignationRecord? Designation { get; set; }

    public static bool Follows(object eventData) => RecordEvolution.Follows<DesignationRecord>(eventData.GetType());

    public void Apply(IEvent e) => Designation = RecordEvolution.Evolve(Designation, e);

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => DesignationCounting.Contributions(Designation, plan);
}

public sealed class VolunteerTally : ITally<VolunteerTally>
{
    public Guid Id { get; set; }

    public VolunteerRecord? Volunteer { get; set; }

    public static bool Follows(object eventData) => RecordEvolution.Follows<VolunteerRecord>(eventData.GetType());

    public void Apply(IEvent e) => Volunteer = RecordEvolution.Evolve(Volunteer, e);

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => VolunteerCounting.Contributions(Volunteer, plan);
}

public sealed class IndicatorTally : ITally<IndicatorTally>
{
    public Guid Id { get; set; }

    public IndicatorRecord? Indicator { get; set; }

    public static bool Follows(object eventData) => RecordEvolution.Follows<IndicatorRecord>(eventData.GetType());

    public void Apply(IEvent e) => Indicator = RecordEvolution.Evolve(Indicator, e);

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => IndicatorCounting.Contributions(Indicator, plan);
}

/// <summary>A registered school with stages: the register of the coverage targets. Institutions never change once registered.</summary>
public sealed class SchoolTally : ITally<SchoolTally>
{
    public Guid Id { get; set; }

    public Institution? School { get; set; }

    public static bool Follows(object eventData) => eventData is InstitutionRegistered { Kind: InstitutionKind.School, SchoolStages.Count: > 0 };

    public void Apply(IEvent e) => School = RecordEvolution.Evolve(School, e);

    public IEnumerable<Contribution> Contributions(CurrentPlan plan) => SchoolCounting.Contributions(School, plan);
}
