using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.AttachingEvidence;

public sealed class AttachEvidenceValidator : AbstractValidator<AttachEvidence>
{
    public const int MaxUri = 2000;
    public const int MaxDescription = 500;

    public AttachEvidenceValidator()
    {
        RuleFor(r => r.ExpectedVersion).NotNull().GreaterThan(0);
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Uri).NotEmpty().MaximumLength(MaxUri)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("uri is an absolute http(s) address of the evidence.");
        RuleFor(r => r.Description).Text(MaxDescription);
        RuleFor(r => r.Sha256).Matches("^[0-9a-fA-F]{64}$").WithMessage("sha256 is 64 hexadecimal digits.");
        RuleFor(r => r.ContainsMinors).NotNull().When(r => ShowsPeople(r.Kind))
            .WithMessage("containsMinors is required for photos and videos: say whether they show children under 14.");
        RuleFor(r => r.ExpiresOn).Must(d => d is null || d.Value.Year <= 2100).WithMessage("expiresOn is a day no later than 2100.");
    }

    /// <summary>Photos and videos show people: whether they show children must be said, not assumed.</summary>
    public static bool ShowsPeople(EvidenceKind? kind) => kind is EvidenceKind.Photo or EvidenceKind.Video;
}

public static class AttachEvidenceEndpoint
{
    public const int MaxEvidencePerActivity = 100;

    /// <summary>
    /// Attaches evidence (a photo, a sign-in sheet, a link …) by its address; the file itself stays where it is. Evidence
    /// that shows children under 14 (<c>containsMinors</c>, required for photos and videos) is shown in full only to units,
    /// auditors and administrators; after its <c>expiresOn</c> its address and description are shown to no one.
    /// </summary>
    [WolverinePost("/api/v1/activities/{id}/evidence", OperationId = "AttachEvidence")]
    [Refuses(400, ErrorCodes.ValidationFailed, "`expiresOn` is before the activity's date")]
    [Refuses(403, ErrorCodes.Forbidden, "another institution reported the activity")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted, or holds 100 pieces of evidence already")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static Task<ActivityDto> Post(Guid id, AttachEvidence request, Caller caller, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation) =>
        ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => ActivityAccess.EnsureOwner(a, caller),
            a => Decide(request, a, Guid.CreateVersion7()), EvidenceAudience.Of(caller, clock), locks, cancellation);

    public static IReadOnlyList<object> Decide(AttachEvidence request, ActivityRecord activity, Guid evidenceId)
    {
        if (activity.IsClosed)
        {
            throw ProblemException.InvalidState("The activity was retracted; it takes no more evidence.");
        }

        if (activity.Evidence.Count >= MaxEvidencePerActivity)
        {
            throw ProblemException.InvalidState($"An activity holds at most {MaxEvidencePerActivity} pieces of evidence.");
        }

        if (request.ExpiresOn is { } expiresOn && expiresOn < activity.OccurredOn)
        {
            throw ProblemException.Invalid("expiresOn", $"expiresOn is not before the activity's date ({activity.OccurredOn:yyyy-MM-dd}).");
        }

        return [new EvidenceAttached(activity.Id, evidenceId, request.Kind!.Value, request.Uri.Trim(), FreeText.Normalize(request.Description), request.Sha256?.ToLowerInvariant(),
            request.ContainsMinors ?? false, request.ExpiresOn)];
    }
}
