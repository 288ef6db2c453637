using System.Linq.Expressions;
using System.Reflection;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>An event a record follows, with the name it has in the log (stable: it never changes once shipped).</summary>
public sealed record RecordEvent(Type Type, string Name)
{
    public static RecordEvent Of<T>(string name) => new(typeof(T), name);
}

/// <summary>
/// A record of the write side, kept as an inline snapshot of its stream. <see cref="Events"/> is the one list of the
/// events it follows: its module maps them from it (<see cref="Records.AddRecord{T}"/>), the progress fold's tallies
/// follow the same list, and the verification replays the streams it names. The record evolves through its
/// <c>Create</c> and <c>Apply</c> methods, the ones Marten's snapshot calls (see <see cref="RecordEvolution"/>).
/// </summary>
public interface IRecord<TSelf> where TSelf : class, IRecord<TSelf>, new()
{
    long Version { get; set; }

    static abstract IReadOnlyList<RecordEvent> Events { get; }
}

/// <summary>A record type as registered by its module, for the code that handles every record alike (the verification).</summary>
public sealed record RecordRegistration(Type RecordType, IReadOnlyList<RecordEvent> Events);

/// <summary>Events of streams that keep no record (an audit trail of their own), as registered by their module.</summary>
public sealed record EventRegistration(IReadOnlyList<RecordEvent> Events);

public static class Records
{
    /// <summary>Maps the record's events under their names and keeps the record as an inline snapshot.</summary>
    public static IServiceCollection AddRecord<T>(this IServiceCollection services, Action<StoreOptions>? configure = null)
        where T : class, IRecord<T>, new()
    {
        services.AddSingleton(new RecordRegistration(typeof(T), T.Events));
        return services.ConfigureMarten(opts =>
        {
            foreach (var e in T.Events)
            {
                opts.Events.MapEventType(e.Type, e.Name);
            }

            opts.Projections.Snapshot<T>(SnapshotLifecycle.Inline);
            configure?.Invoke(opts);
        });
    }

    /// <summary>Maps events that no record follows under their names (a stream kept only as a trail, such as an erasure's).</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, params RecordEvent[] events)
    {
        services.AddSingleton(new EventRegistration(events));
        return services.ConfigureMarten(opts =>
        {
            foreach (var e in events)
            {
                opts.Events.MapEventType(e.Type, e.Name);
            }
        });
    }
}

/// <summary>
/// A record's evolution, event by event, through its own <c>Create</c> and <c>Apply</c> methods as Marten's snapshot
/// calls them: <c>Create</c> when there is no record yet, <c>Apply</c> to the record there is, and the version of the
/// last event applied. Code that evolves a record outside Marten (the progress fold's tallies) calls this, so a new
/// event needs its <c>Apply</c> and its line in <see cref="IRecord{TSelf}.Events"/>, and nothing else.
/// </summary>
public static class RecordEvolution
{
    public static bool Follows<T>(Type eventType) where T : class, IRecord<T>, new() => Methods<T>.Followed.Contains(eventType);

    /// <summary>Events of the record's list that no <c>Create</c> or <c>Apply</c> handles.</summary>
    public static IReadOnlyList<Type> Unhandled<T>() where T : class, IRecord<T>, new() =>
        Methods<T>.Followed.Where(t => !Methods<T>.Creators.ContainsKey(t) && !Methods<T>.Appliers.ContainsKey(t)).ToList();

    /// <summary>Events a <c>Create</c> or <c>Apply</c> handles that the record's list leaves out (Marten would not map them by name).</summary>
    public static IReadOnlyList<Type> Unlisted<T>() where T : class, IRecord<T>, new() =>
        Methods<T>.Creators.Keys.Concat(Methods<T>.Appliers.Keys).Distinct().Where(t => !Methods<T>.Followed.Contains(t)).ToList();

    public static T? Evolve<T>(T? record, IEvent e) where T : class, IRecord<T>, new()
    {
        var type = e.Data.GetType();
        if (!Methods<T>.Followed.Contains(type))
        {
            return record;
        }

        if (record is null)
        {
            if (Methods<T>.Creators.TryGetValue(type, out var create))
            {
                record = create(e);
            }
            else if (Methods<T>.Appliers.TryGetValue(type, out var applyToNew))
            {
                record = new T();
                applyToNew(record, e);
            }
        }
        else if (Methods<T>.Appliers.TryGetValue(type, out var apply))
        {
            apply(record, e);
        }

        record?.Version = e.Version;
        return record;
    }

    /// <summary>The record's methods, found and compiled once per record type.</summary>
    private static class Methods<T> where T : class, IRecord<T>, new()
    {
        public static readonly HashSet<Type> Followed = T.Events.Select(e => e.Type).ToHashSet();

        public static readonly Dictionary<Type, Func<IEvent, T>> Creators = Find(static m => m.Name == "Create" && m.IsStatic && m.ReturnType == typeof(T))
            .ToDictionary(m => m.Event, m => Compile<Func<IEvent, T>>(m.Method, m.TakesEnvelope, instance: null));

        public static readonly Dictionary<Type, Action<T, IEvent>> Appliers = Find(static m => m.Name == "Apply" && !m.IsStatic && m.ReturnType == typeof(void))
            .ToDictionary(m => m.Event, m => Compile<Action<T, IEvent>>(m.Method, m.TakesEnvelope, instance: Expression.Parameter(typeof(T), "record")));

        private static IEnumerable<(MethodInfo Method, Type Event, bool TakesEnvelope)> Find(Func<MethodInfo, bool> shape) =>
            typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(shape)
                .Where(m => m.GetParameters().Length == 1)
                .Select(m =>
                {
                    var parameter = m.GetParameters()[0].ParameterType;
                    var envelope = parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEvent<>);
                    return (m, envelope ? parameter.GetGenericArguments()[0] : parameter, envelope);
                });

        private static TDelegate Compile<TDelegate>(MethodInfo method, bool takesEnvelope, ParameterExpression? instance)
        {
            var e = Expression.Parameter(typeof(IEvent), "e");
            var parameterType = method.GetParameters()[0].ParameterType;
            Expression argument = takesEnvelope
                ? Expression.Convert(e, parameterType)
                : Expression.Convert(Expression.Property(e, nameof(IEvent.Data)), parameterType);
            var call = instance is null ? Expression.Call(method, argument) : Expression.Call(instance, method, argument);
            ParameterExpression[] parameters = instance is null ? [e] : [instance, e];
            return Expression.Lambda<TDelegate>(call, parameters).Compile();
        }
    }
}
