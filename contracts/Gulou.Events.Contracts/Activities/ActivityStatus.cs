namespace Gulou.Events.Contracts.Activities;

public enum ActivityStatus
{
    Reported,
    Verified,
    Rejected,
    Retracted,
}
