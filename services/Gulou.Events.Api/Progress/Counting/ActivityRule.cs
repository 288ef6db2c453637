using System.Linq.Expressions;
using Gulou.Events.Api.Activities;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// Which activities a figure counts, written once as an expression: Marten translates it into the drill-down's query,
/// and the progress fold runs the same expression compiled. Neither can drift from the other.
/// </summary>
public sealed class ActivityRule
{
    private readonly Lazy<Func<ActivityRecord, bool>> _compiled;

    public ActivityRule(Expression<Func<ActivityRecord, bool>> expression)
    {
        Expression = expression;
        _compiled = new Lazy<Func<ActivityRecord, bool>>(expression.Compile);
    }

    public Expression<Func<ActivityRecord, bool>> Expression { get; }

    public bool Matches(ActivityRecord activity) => _compiled.Value(activity);

    /// <summary>Both rules, as one expression over one parameter (which Marten translates as <c>and</c>).</summary>
    public ActivityRule And(ActivityRule other)
    {
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(ActivityRecord), "a");
        var body = System.Linq.Expressions.Expression.AndAlso(
            new Rebind(Expression.Parameters[0], parameter).Visit(Expression.Body),
            new Rebind(other.Expression.Parameters[0], parameter).Visit(other.Expression.Body));
        return new ActivityRule(System.Linq.Expressions.Expression.Lambda<Func<ActivityRecord, bool>>(body, parameter));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

public static class ActivityRuleQueries
{
    public static IQueryable<ActivityRecord> Where(this IQueryable<ActivityRecord> activities, ActivityRule rule) =>
        Queryable.Where(activities, rule.Expression);
}
