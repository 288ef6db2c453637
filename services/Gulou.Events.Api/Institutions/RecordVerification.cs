using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events;
using Marten;

namespace Gulou.Events.Api.Institutions;

/// <summary>
/// Who may verify a designation, a volunteer or an indicator observation, and what a repeated decision changes.
/// A record is verified by a unit that answers for its target and did not record it: the lead and participating
/// units of the target's measure, the units that observe the target, and the plan's coordinating unit; for a goal of
/// the whole plan (a target without a measure), every unit of the plan. Volunteers, registered by partners, are
/// verified by the coordinating unit or a unit leading the volunteer target's measure.
/// </summary>
public static class RecordVerification
{
    public const int MaxReason = 500;

    public static async Task<Institution> UnitAsync(IQuerySession session, Caller caller, CancellationToken cancellation) =>
        await session.LoadAsync<Institution>(caller.InstitutionId, cancellation)
            ?? throw ProblemException.Forbidden("The unit that holds this key is not registered in this district.");

    /// <summary>Whether the unit answers for the target (see the class summary).</summary>
    public static bool AnswersFor(Institution unit, PlanTarget target, CurrentPlan plan)
    {
        if (target.Measure is { } code && unit.LeadsMeasures.Contains(code))
        {
            return true;
        }

        if (unit.UnitCode is not { } unitCode)
        {
            return false;
        }

        if (unitCode == plan.CoordinatingUnit || target.Counting.ObservedBy?.Contains(unitCode) == true)
        {
            return true;
        }

        return target.Measure is null
            ? plan.HasUnit(unitCode)
            : plan.Measure(target.Measure) is { } measure && (measure.LeadUnits.Contains(unitCode) || measure.ParticipatingUnits.Contains(unitCode));
    }

    /// <summary>Whether the unit coordinates the plan or leads the target's measure (the verifiers of volunteers).</summary>
    public static bool CoordinatesOrLeads(Institution unit, PlanTarget target, CurrentPlan plan) =>
        (unit.UnitCode is { } code && code == plan.CoordinatingUnit)
        || (target.Measure is { } measure && (unit.LeadsMeasures.Contains(measure) || (unit.UnitCode is { } c && plan.LeadUnits(measure).Contains(c))));

    public static void EnsureAnswersFor(Institution unit, IEnumerable<PlanTarget> targets, CurrentPlan plan, string what)
    {
        var list = targets.ToList();
        if (!list.Any(t => AnswersFor(unit, t, plan)))
        {
            throw ProblemException.Forbidden($"Only a unit that answers for {string.Join(", ", list.Select(t => t.Code))} verifies {what}.");
        }
    }

    /// <summary>A unit never verifies what it recorded itself: four eyes, not two.</summary>
    public static void EnsureNotRecordedBy(Institution unit, IEnumerable<Guid> recorders, string what)
    {
        if (recorders.Contains(unit.Id))
        {
            throw ProblemException.Forbidden($"A unit does not verify {what} it recorded itself; another unit that answers for the target does.");
        }
    }

    /// <summary>Appends the decision (nothing when it is null) and answers with the record as it then stands.</summary>
    public static async Task<T> AppendAsync<T>(
        IDocumentSession session, IEventStream<T> stream, object? decided, Func<IReadOnlyList<object>, Task> ensureYearOpen, CancellationToken cancellation)
        where T : class
    {
        if (decided is null)
        {
            return stream.Aggregate!;
        }

        await ensureYearOpen([decided]);
        stream.AppendOne(decided);
        await session.SaveChangesAsync(cancellation);
        return (await session.Events.FetchLatest<T>(stream.Id, cancellation))!;
    }

    /// <summary>Whether the decision asked for is the one already standing (then nothing is recorded).</summary>
    public static bool Repeats(VerificationDto? current, IVerificationRequest request) =>
        current is not null && current.Decision == request.Decision
        && (request.Decision == VerificationDecision.Verified || current.Reason == FreeText.Normalize(request.Reason));
}

/// <summary>A decision is verified or rejected; a rejection gives its reason.</summary>
public abstract class VerificationRequestValidator<T> : AbstractValidator<T> where T : IVerificationRequest
{
    protected VerificationRequestValidator()
    {
        RuleFor(r => r.Decision).NotNull();
        RuleFor(r => r.Reason).NotEmpty().WithMessage("A rejection gives its reason.").When(r => r.Decision == VerificationDecision.Rejected);
        RuleFor(r => r.Reason).Text(RecordVerification.MaxReason);
    }
}

public sealed class VerifyRecordValidator : VerificationRequestValidator<VerifyRecord>;
