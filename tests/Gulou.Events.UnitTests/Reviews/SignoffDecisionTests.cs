using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Reviews.SigningOff;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events;

namespace Gulou.Events.UnitTests.Reviews;

/// <summary>The sign-off decisions over a year's review, evolved the way the inline snapshot evolves it.</summary>
public sealed class SignoffDecisionTests
{
    private static readonly Guid Edu = Guid.NewGuid();
    private static readonly Guid Cast = Guid.NewGuid();
    private static readonly string[] Units = ["CAST", "EDU", "HEALTH"];

    private static YearReview? Evolve(YearReview? review, object data)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Timestamp = DateTimeOffset.UtcNow;
        var eventType = e.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEvent<>));
        var method = typeof(YearReview).GetMethods().Single(m => m.IsStatic == (review is null) && m.GetParameters() is [{ } p] && p.ParameterType == eventType);
        if (review is null)
        {
            return (YearReview)method.Invoke(null, [e])!;
        }

        method.Invoke(review, [e]);
        return review;
    }

    private static string CodeOf(Action decide) => Assert.Throws<ProblemException>(decide).Code;

    [Fact]
    public void A_part_is_submitted_returned_submitted_again_and_accepted()
    {
        YearReview? review = null;
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Accept(review, 2023, "EDU", Cast, null)));
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Return(review, 2023, "EDU", Cast, "x")));

        review = Evolve(review, SignoffDecisions.Submit(review, 2023, "EDU", Edu, "材料"));
        Assert.Equal(SignoffState.Submitted, review!.StateOf("EDU"));
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Submit(review, 2023, "EDU", Edu, null)));
        review = Evolve(review, SignoffDecisions.Return(review, 2023, "EDU", Cast, "缺佐证"));
        Assert.Equal((SignoffState.Returned, "缺佐证"), (review!.StateOf("EDU"), review.Units["EDU"].Reason));
        review = Evolve(review, SignoffDecisions.Submit(review, 2023, "EDU", Edu, null));
        review = Evolve(review, SignoffDecisions.Accept(review, 2023, "EDU", Cast, null));
        Assert.Equal(SignoffState.Accepted, review!.StateOf("EDU"));
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Submit(review, 2023, "EDU", Edu, null)));
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], review.History.Select(h => h.Action));
    }

    [Fact]
    public void A_year_closes_with_every_part_accepted_or_with_an_override_naming_exactly_the_missing_units()
    {
        YearReview? review = null;
        foreach (var unit in Units.Take(2))
        {
            review = Evolve(review, SignoffDecisions.Submit(review, 2023, unit, Edu, null));
            review = Evolve(review, SignoffDecisions.Accept(review, 2023, unit, Cast, null));
        }

        var refused = Assert.Throws<ProblemException>(() => SignoffDecisions.Override(review, 2023, Units, null, null));
        Assert.Equal(ErrorCodes.InvalidState, refused.Code);
        Assert.Equal(["HEALTH"], (IEnumerable<string>)refused.Extensions!["missingUnits"]!);
        Assert.Equal("missingUnits", Assert.Single(Assert.Throws<ProblemException>(() => SignoffDecisions.Override(review, 2023, Units, ["EDU"], "x")).Errors!.Keys));
        Assert.Equal("overrideReason", Assert.Single(Assert.Throws<ProblemException>(() => SignoffDecisions.Override(review, 2023, Units, ["HEALTH"], " ")).Errors!.Keys));
        Assert.Equal(["HEALTH"], SignoffDecisions.Override(review, 2023, Units, ["HEALTH"], "卫健局未报"));

        review = Evolve(review, SignoffDecisions.Submit(review, 2023, "HEALTH", Edu, null));
        review = Evolve(review, SignoffDecisions.Accept(review, 2023, "HEALTH", Cast, null));
        Assert.Empty(SignoffDecisions.Override(review, 2023, Units, null, null));
        Assert.Equal("missingUnits", Assert.Single(Assert.Throws<ProblemException>(() => SignoffDecisions.Override(review, 2023, Units, ["HEALTH"], "x")).Errors!.Keys));
    }

    [Fact]
    public void A_closed_year_changes_only_by_being_reopened_and_takes_exceptions_only_while_closed()
    {
        var review = Evolve(null, new YearClosed(2023, DateTimeOffset.UtcNow, new ReviewFigures([], []), ["EDU"], "急需"));
        Assert.True(review!.IsClosed);
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Submit(review, 2023, "EDU", Edu, null)));
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Override(review, 2023, Units, ["EDU"], "再关")));
        Assert.NotNull(SignoffDecisions.Grant(review, 2023, Guid.NewGuid(), Edu, "补报", DateTimeOffset.UtcNow.AddDays(3), Cast));

        review = Evolve(review, SignoffDecisions.Reopen(review, 2023, "数据有误", Cast));
        Assert.False(review!.IsClosed);
        Assert.Empty(review.MissingUnits);
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Reopen(review, 2023, "again", Cast)));
        Assert.Equal(ErrorCodes.InvalidState, CodeOf(() => SignoffDecisions.Grant(review, 2023, Guid.NewGuid(), Edu, "补报", DateTimeOffset.UtcNow.AddDays(3), Cast)));
        Assert.NotNull(SignoffDecisions.Submit(review, 2023, "EDU", Edu, null));
    }
}
