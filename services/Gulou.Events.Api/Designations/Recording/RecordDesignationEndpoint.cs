using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Designations.Recording;

public sealed class RecordDesignationValidator : AbstractValidator<RecordDesignation>
{
    public const int MaxSubjectKey = 100;
    public const int MaxSubjectName = 200;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public RecordDesignationValidator(TimeProvider clock, CurrentPlan plan)
    {
        var subjects = plan.TeachingSubjects.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.TeachingSubject).Must(s => s is not null && subjects.Contains(s.Trim()))
            .WithMessage(r => $"A backbone teacher is designated in one of the plan's science and related subjects ({string.Join(", ", subjects)}); '{r.TeachingSubject}' is not one.")
            .When(r => r.Kind == DesignationKind.BackboneTeacher);
        RuleFor(r => r.TeachingSubject).Null().WithMessage("Only a backbone teacher has a teaching subject.")
            .When(r => r.Kind is not null and not DesignationKind.BackboneTeacher);
        RuleFor(r => r.Level).NotNull();
        RuleFor(r => r.SubjectKey).NotEmpty().Text(MaxSubjectKey);
        RuleFor(r => r.SubjectName).Text(MaxSubjectName);
        RuleFor(r => r.AwardedOn).NotNull()
            .Must(d => d is null || (d >= Earliest && d <= clock.Today()))
            .WithMessage($"awardedOn is a day from {Earliest:yyyy-MM-dd} to today.");
    }
}

public static class RecordDesignationEndpoint
{
    /// <summary>
    /// Records a designation a unit awarded. The subject (by kind and <c>subjectKey</c>) is one record however
    /// often it is designated, so it counts once; a designation at another level is added to it. A backbone teacher's or
    /// a model worker's key and name are kept encrypted in the person register; the record carries the person's id.
    /// </summary>
    [WolverinePost("/api/v1/designations", OperationId = "RecordDesignation")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit leads no measure of the designation's target")]
    [Refuses(409, ErrorCodes.InvalidState, "the subject already holds this designation at this level since another day")]
    [Refuses(409, ErrorCodes.VersionConflict, "another request changed the subject's record at the same moment")]
    [Authorize(Roles = "unit,admin")]
    public static async Task<Results<Created<DesignationDto>, Ok<DesignationDto>>> Post(
        RecordDesignation request, Caller caller, CurrentPlan plan, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var kind = request.Kind!.Value;
        await DesignationAccess.EnsureMayAwardAsync(session, caller, kind, plan, cancellation);

        // A designated person is recorded under their id in the register, which keeps their key and name encrypted.
        var personId = PersonRoles.IsPerson(kind) ? await EnlistAsync(request, kind, caller, register, session, cancellation) : (Guid?)null;
        var subject = personId is { } person ? request with { SubjectKey = person.ToString("N"), SubjectName = person.ToString("N") } : request;
        var id = DesignationAccess.IdFor(caller.TenantId, kind, subject.SubjectKey);
        var stream = await session.Events.FetchForWriting<DesignationRecord>(id, cancellation);
        var designated = Decide(subject, id, stream.Aggregate, caller.InstitutionId) is { } decided ? decided with { PersonId = personId } : null;
        if (designated is null)
        {
            await session.SaveChangesAsync(cancellation);
            return TypedResults.Ok(await DesignationReads.ToDtoAsync(stream.Aggregate!, caller, register, session, cancellation));
        }

        var created = stream.Aggregate is null;
        await locks.EnsureOpenAsync<DesignationTally>(session, caller.InstitutionId, id, [designated], cancellation);
        await NaturalKeyStreams.SaveAsync(session, stream, designated, cancellation);

        var recorded = await DesignationReads.ToDtoAsync((await session.Events.FetchLatest<DesignationRecord>(id, cancellation))!, caller, register, session, cancellation);
        return created
            ? TypedResults.Created($"/api/v1/designations/{id}", recorded)
            : TypedResults.Ok(recorded);
    }

    /// <summary>The designated person, found in the register by the subject key (or added to it), with the name given.</summary>
    private static Task<Guid> EnlistAsync(RecordDesignation request, DesignationKind kind, Caller caller, PersonRegister register, IDocumentSession session, CancellationToken cancellation)
    {
        var key = request.SubjectKey.Trim();
        var fields = new PersonFields(FreeText.Normalize(request.SubjectName), null, null, key);
        return register.EnlistAsync(session, PersonRoles.Of(kind), key.ToUpperInvariant(), fields, PersonRoles.Of(kind), caller.InstitutionId, cancellation);
    }

    /// <summary>
    /// The award to record, or null when this award is already recorded. The same award again with a teaching subject
    /// the record lacks (designations recorded before subjects were asked for) or another one records it again, with it.
    /// </summary>
    public static SubjectDesignated? Decide(RecordDesignation request, Guid id, DesignationRecord? existing, Guid unitId)
    {
        var level = request.Level!.Value;
        var awardedOn = request.AwardedOn!.Value;
        var name = FreeText.Normalize(request.SubjectName) ?? existing?.SubjectName ?? request.SubjectKey.Trim();
        var subject = FreeText.Normalize(request.TeachingSubject);
        if (existing?.ActiveAward(level) is { } active)
        {
            if (active.AwardedOn != awardedOn)
            {
                throw ProblemException.Conflict(ErrorCodes.InvalidState,
                    $"'{existing.SubjectKey}' already holds this designation at {level.ToString().ToLowerInvariant()} level since {active.AwardedOn:yyyy-MM-dd}; revoke it first to record another.");
            }

            if (subject is null || subject == existing.TeachingSubject)
            {
                return null;
            }
        }

        return new SubjectDesignated(id, request.Kind!.Value, existing?.SubjectKey ?? request.SubjectKey.Trim(), name, level, awardedOn, unitId, subject);
    }
}
