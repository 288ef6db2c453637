namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Something kept in memory that other nodes' changes invalidate: each change is announced with PostgreSQL's NOTIFY
/// on <see cref="Channel"/> in the transaction that makes it, and the change listener of every database hears it there
/// (<see cref="Security.ApiKeyListener"/>). What is kept of a database may be trusted only while that database's
/// listener confirms, at least once every <see cref="Staleness"/>, that it has heard everything committed before.
/// </summary>
public interface IHearsChanges
{
    /// <summary>How old a database's last confirmation may be for what is kept of it to be used.</summary>
    public static readonly TimeSpan Staleness = TimeSpan.FromSeconds(1);

    /// <summary>The channel's name in the schema: one per schema, so services sharing a database do not mix.</summary>
    public static string ChannelFor(string kind, string schema) => $"gulou_{kind}_{schema}";

    /// <summary>What is announced, as in <see cref="ChannelFor"/>.</summary>
    string Channel { get; }

    /// <summary>A change announced in <paramref name="database"/>; runs on the listening connection.</summary>
    void Heard(string database, string payload);

    /// <summary>Every change committed in <paramref name="database"/> before <paramref name="timestamp"/> has been heard.</summary>
    void Confirm(string database, long timestamp);

    /// <summary>The database's listener lost its connection: nothing kept of it is trusted until it is back.</summary>
    void Distrust(string database);
}
