namespace Gulou.Events.Contracts.Reviews;

/// <summary>
/// Closing a year sealed what it counted: the reviewed figures, the plan catalog they were counted under, and a
/// SHA-256 chain over every event behind them, so that anyone can later recompute the chain from the log and see
/// whether any of those events changed. See docs/reviews.md for the exact chain.
/// </summary>
/// <param name="AsOf">The cut-off of the closing: events recorded up to it are counted.</param>
/// <param name="FiguresSha256">SHA-256 of the figures' canonical JSON.</param>
/// <param name="PlanSha256">SHA-256 of the plan catalog file the figures were counted under.</param>
/// <param name="LastSequence">The highest sequence number among the counted events (0 when none).</param>
/// <param name="EventCount">How many events were counted.</param>
/// <param name="ChainSha256">The last link of the chain over the counted events, in sequence order.</param>
/// <param name="ServiceVersion">The version of the service that counted them.</param>
/// <param name="EventDigests">Per counted event, in order: its sequence (8 bytes, big-endian) and the first 8 bytes of its
/// own SHA-256, base64-encoded; it lets a verification name the first event that differs.</param>
public sealed record YearSealed(
    int Year,
    DateTimeOffset AsOf,
    ReviewFigures Figures,
    string FiguresSha256,
    string PlanSha256,
    long LastSequence,
    int EventCount,
    string ChainSha256,
    string ServiceVersion,
    string EventDigests) : IYearReviewEvent;

/// <summary>A year's seal as recorded at its (last) closing, without the per-event digests.</summary>
/// <param name="Standing">False when the year was reopened after this seal: the seal still proves what that closing counted.</param>
public sealed record YearSealDto(
    int Year,
    bool Standing,
    DateTimeOffset SealedAt,
    DateTimeOffset AsOf,
    string FiguresSha256,
    string PlanSha256,
    long LastSequence,
    int EventCount,
    string ChainSha256,
    string ServiceVersion,
    ReviewFigures Figures);

/// <summary>The first place where the log now differs from what the seal counted.</summary>
/// <param name="Change">changed (the event's content, type, stream, version or time differs), missing (a counted event is
/// gone), inserted (an event the seal did not count now falls under it), or unlocated (the chain differs but every
/// event matches its digest: the seal's own digests were changed).</param>
public sealed record SealDifference(long? Sequence, Guid? StreamId, long? Version, string? Type, string Change, string Detail);

/// <summary>A seal recomputed from the log.</summary>
/// <param name="Result"><c>intact</c> when every counted event is unchanged, else <c>differs</c>.</param>
/// <param name="FiguresReproduced">Whether counting the same events again gives the sealed figures (it may not when
/// the plan catalog or the counting rules changed since: see <paramref name="PlanUnchanged"/> and the versions).</param>
public sealed record SealVerificationDto(
    int Year,
    string Result,
    DateTimeOffset VerifiedAt,
    int SealedEventCount,
    int EventCount,
    long SealedLastSequence,
    long LastSequence,
    string SealedChainSha256,
    string ChainSha256,
    SealDifference? FirstDifference,
    bool FiguresReproduced,
    bool PlanUnchanged,
    string SealedServiceVersion,
    string ServiceVersion);
