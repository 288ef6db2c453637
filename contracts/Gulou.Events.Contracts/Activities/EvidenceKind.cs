namespace Gulou.Events.Contracts.Activities;

public enum EvidenceKind
{
    Photo,
    Video,
    Document,
    AttendanceSheet,
    Link,
}
