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
    }
}

public static class AttachEvidenceEndpoint
{
    public const int MaxEvidencePerActivity = 100;

    /// <summary>Attaches evidence (a photo, a sign-in sheet, a link …) by its address; the file itself stays where it is.</summary>
    [WolverinePost("/api/v1/activities/{id}/evidence", OperationId = "AttachEvidence")]
    [Refuses(403, ErrorCodes.Forbidden, "another institution reported the activity")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted, or holds 100 pieces of evidence already")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static Task<ActivityDto> Post(Guid id, AttachEvidence request, Caller caller, YearLocks locks, IDocumentSession session, CancellationToken cancellation) =>
        ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => ActivityAccess.EnsureOwner(a, caller),
            a => Decide(request, a, Guid.CreateVersion7()), locks, cancellation);

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

        return [new EvidenceAttached(activity.Id, evidenceId, request.Kind!.Value, request.Uri.Trim(), FreeText.Normalize(request.Description), request.Sha256?.ToLowerInvariant())];
    }
}
