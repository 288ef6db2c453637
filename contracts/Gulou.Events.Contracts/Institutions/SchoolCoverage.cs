namespace Gulou.Events.Contracts.Institutions;

/// <summary>
/// A registered school that a coverage target counts, and whether a counted activity reached it in the year (as the
/// reporter or the host). <paramref name="Drilldown"/> lists those activities.
/// </summary>
public sealed record SchoolCoverageDto(Guid InstitutionId, string Name, IReadOnlyList<SchoolStage> Stages, bool Covered, int Activities, string Drilldown);
