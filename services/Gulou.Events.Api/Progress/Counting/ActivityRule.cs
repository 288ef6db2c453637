using System.Linq.Expressions;
using System.Reflection;
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
        _compiled = new Lazy<Func<ActivityRecord, bool>>(() => ((Expression<Func<ActivityRecord, bool>>)new InMemory().Visit(expression)).Compile());
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

    /// <summary>
    /// The rule as the fold runs it. Marten's <c>IsOneOf</c> is a marker for its query translator that, run in memory,
    /// inspects its type argument by reflection on every call; and a compiled expression makes a new delegate for a
    /// nested lambda (<c>codes.Any(m => m.IsOneOf(measures))</c>) every time it runs. Both are rewritten into plain
    /// calls that make the same test: whether a value, or any of a list's values, is in the array.
    /// </summary>
    private sealed class InMemory : ExpressionVisitor
    {
        private static readonly MethodInfo AnyWithPredicate = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (IsOneOf(node) is var (value, values))
            {
                return System.Linq.Expressions.Expression.Call(Method(nameof(OneOf), value.Type), Visit(value), Visit(values));
            }

            if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == AnyWithPredicate
                && node.Arguments[1] is LambdaExpression { Body: MethodCallExpression body } predicate
                && IsOneOf(body) is var (element, array) && element == predicate.Parameters[0] && !Uses(array, predicate.Parameters[0]))
            {
                return System.Linq.Expressions.Expression.Call(Method(nameof(AnyOf), element.Type), Visit(node.Arguments[0]), Visit(array));
            }

            return base.VisitMethodCall(node);
        }

        public static bool OneOf<T>(T value, T[] values) => Array.IndexOf(values, value) >= 0;

        public static bool AnyOf<T>(IEnumerable<T> source, T[] values)
        {
            foreach (var value in source)
            {
                if (Array.IndexOf(values, value) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static (Expression Value, Expression Values)? IsOneOf(MethodCallExpression call) =>
            call.Method.DeclaringType == typeof(Marten.LinqExtensions) && call.Method.Name == nameof(Marten.LinqExtensions.IsOneOf) && call.Arguments[1].Type.IsArray
                ? (call.Arguments[0], call.Arguments[1])
                : null;

        private static MethodInfo Method(string name, Type element) =>
            typeof(InMemory).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(element);

        private static bool Uses(Expression expression, ParameterExpression parameter)
        {
            var finder = new Finder(parameter);
            finder.Visit(expression);
            return finder.Found;
        }

        private sealed class Finder(ParameterExpression parameter) : ExpressionVisitor
        {
            public bool Found { get; private set; }

            protected override Expression VisitParameter(ParameterExpression node)
            {
                Found |= node == parameter;
                return node;
            }
        }
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
