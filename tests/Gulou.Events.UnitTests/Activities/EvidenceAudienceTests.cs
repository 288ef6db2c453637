using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Activities.AttachingEvidence;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

/// <summary>Who sees a piece of evidence in full, until when, and the record's fold of its expiry.</summary>
public sealed class EvidenceAudienceTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly EvidenceAudience Unit = new(SeesMinors: true, Today);
    private static readonly EvidenceAudience Partner = new(SeesMinors: false, Today);

    private static EvidenceDto Piece(bool minors, DateOnly? expiresOn = null) =>
        new(Guid.NewGuid(), EvidenceKind.Photo, "https://example.org/p.jpg", "照片", null, DateTimeOffset.UnixEpoch, minors, expiresOn);

    [Fact]
    public void Evidence_of_children_is_withheld_from_partners_only()
    {
        var minors = Piece(minors: true);
        var adults = Piece(minors: false);

        Assert.Equal(minors, Unit.Show(minors));
        Assert.Equal((null, null, true, false), (Partner.Show(minors).Uri, Partner.Show(minors).Description, Partner.Show(minors).ContainsMinors, Partner.Show(minors).Expired));
        Assert.Equal(adults, Partner.Show(adults));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void Evidence_is_kept_through_its_last_day_and_withheld_from_everyone_the_day_after(int days, bool expired)
    {
        var shown = Unit.Show(Piece(minors: false, Today.AddDays(days)));

        Assert.Equal(expired, shown.Expired);
        Assert.Equal(expired, shown.Uri is null);
    }

    [Fact]
    public void An_attachment_in_a_history_loses_its_address_when_withheld_or_expired()
    {
        var attached = new EvidenceAttached(Id, Guid.NewGuid(), EvidenceKind.Photo, "https://example.org/p.jpg", "照片", null, ContainsMinors: true);

        Assert.Same(attached, Unit.Show(attached, new HashSet<Guid>()));
        Assert.IsType<WithheldEvidence>(Partner.Show(attached, new HashSet<Guid>()));
        Assert.IsType<WithheldEvidence>(Unit.Show(attached, new HashSet<Guid> { attached.EvidenceId }));
    }

    [Fact]
    public void An_expiry_drops_the_address_from_the_record_and_moves_the_next_expiry_on()
    {
        var activity = Recorded();
        var first = new EvidenceAttached(Id, Guid.NewGuid(), EvidenceKind.Link, "https://example.org/a", "a", null, ExpiresOn: new DateOnly(2026, 1, 1));
        var second = new EvidenceAttached(Id, Guid.NewGuid(), EvidenceKind.Link, "https://example.org/b", "b", null, ExpiresOn: new DateOnly(2027, 1, 1));
        activity.Apply(Events.Of(first));
        activity.Apply(Events.Of(second));
        var status = activity.Status;
        Assert.Equal(new DateOnly(2026, 1, 1), activity.NextEvidenceExpiry);

        activity.Apply(Events.Of(new EvidenceExpired(Id, first.EvidenceId, new DateOnly(2026, 1, 1))));

        Assert.Equal([(null, null, true), ("https://example.org/b", "b", false)], activity.Evidence.Select(e => (e.Uri, e.Description, e.Expired)));
        Assert.Equal(new DateOnly(2027, 1, 1), activity.NextEvidenceExpiry);
        Assert.Equal(status, activity.Status);
    }

    [Fact]
    public void A_last_day_before_the_activity_is_refused_naming_expiresOn()
    {
        var activity = Recorded();
        var request = new AttachEvidence(1, EvidenceKind.Link, "https://example.org/x", ExpiresOn: activity.OccurredOn.AddDays(-1));

        var refusal = Assert.Throws<ProblemException>(() => AttachEvidenceEndpoint.Decide(request, activity, Guid.NewGuid()));

        Assert.Equal(["expiresOn"], refusal.Errors!.Keys);
        Assert.Single(AttachEvidenceEndpoint.Decide(request with { ExpiresOn = activity.OccurredOn }, activity, Guid.NewGuid()));
    }

    [Theory]
    [InlineData(EvidenceKind.Photo, null, false)]
    [InlineData(EvidenceKind.Video, null, false)]
    [InlineData(EvidenceKind.Photo, false, true)]
    [InlineData(EvidenceKind.Document, null, true)]
    [InlineData(EvidenceKind.Link, null, true)]
    public void Photos_and_videos_say_whether_they_show_children(EvidenceKind kind, bool? minors, bool valid) =>
        Assert.Equal(valid, new AttachEvidenceValidator().Validate(new AttachEvidence(1, kind, "https://example.org/x", ContainsMinors: minors)).IsValid);
}
