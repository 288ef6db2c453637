using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>Every progress answer says, in headers too, how far the projection had caught up.</summary>
public static class FreshnessHeaders
{
    public static void Write(HttpResponse response, Freshness freshness)
    {
        response.Headers["X-Projection-Sequence"] = freshness.LastAppliedSequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Projection-High-Water-Mark"] = freshness.HighWaterMark.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Projection-Caught-Up"] = freshness.CaughtUp ? "true" : "false";
    }
}
