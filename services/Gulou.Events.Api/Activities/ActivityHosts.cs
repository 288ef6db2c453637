using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Institutions;
using Marten;

namespace Gulou.Events.Api.Activities;

/// <summary>The host of an activity: a registered institution of the district where it took place, when not the reporter.</summary>
public static class ActivityHosts
{
    public const string Field = "hostInstitutionId";

    public static string Unknown(Guid id) => $"'{id}' is not an institution registered in this district; see GET /api/v1/institutions.";

    /// <summary>The reporter itself as host is no host: the reporter is where an activity without a host took place.</summary>
    public static Guid? Normalize(Guid? host, Guid reporter) => host == reporter ? null : host;

    /// <exception cref="ProblemException">400 naming <c>hostInstitutionId</c> when the host is not registered in the district.</exception>
    public static async Task EnsureRegisteredAsync(IQuerySession session, Guid? host, CancellationToken cancellation)
    {
        if (host is { } id && (id == Guid.Empty || await session.LoadAsync<Institution>(id, cancellation) is null))
        {
            throw ProblemException.Invalid(Field, Unknown(id));
        }
    }

    /// <summary>Which of these hosts are registered in the district: one query for a whole batch.</summary>
    public static async Task<IReadOnlySet<Guid>> RegisteredAsync(IQuerySession session, IEnumerable<Guid> hosts, CancellationToken cancellation)
    {
        var ids = hosts.Where(h => h != Guid.Empty).Distinct().ToArray();
        return ids.Length == 0 ? new HashSet<Guid>() : (await session.LoadManyAsync<Institution>(cancellation, ids)).Select(i => i.Id).ToHashSet();
    }
}
