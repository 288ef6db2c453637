using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Gulou.Events.Api.Infrastructure.Hosting;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>The per-key limit: a token bucket of <see cref="PermitsPerSecond"/> and <see cref="Burst"/> for the whole cluster.</summary>
public sealed record RateLimitSettings(int PermitsPerSecond, int Burst)
{
    /// <summary>How often each node settles its consumption with the shared buckets.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a request beyond the node's borrowed tokens waits for a settlement before it is refused.</summary>
    public static readonly TimeSpan SettlementWait = TimeSpan.FromSeconds(2);

    /// <summary>When the shared buckets cannot be reached for this long, each node limits alone (per node).</summary>
    public static readonly TimeSpan LocalFallbackAfter = TimeSpan.FromSeconds(5);

    public const string Table = "gulou_rate_limits";

    public int Capacity => Math.Max(Burst, PermitsPerSecond);

    /// <summary>What a node may spend on credit between two settlements: the cluster's refill of one interval.</summary>
    public double Credit => Math.Max(1, PermitsPerSecond * SyncInterval.TotalSeconds);

    public static RateLimitSettings From(IConfiguration configuration) =>
        new(configuration.GetValue("Gulou:RateLimit:PermitsPerSecond", 50), configuration.GetValue("Gulou:RateLimit:Burst", 100));

    /// <summary>The shared buckets: created with the store's schema (at start-up, or by <c>db-apply</c>).</summary>
    public static Table TableIn(string schema)
    {
#pragma warning disable CS0618 // the overload with an identifier usage is not in the Weasel version Marten 9.59 brings
        var table = new Table(new PostgresqlObjectName(schema, Table));
#pragma warning restore CS0618
        table.AddColumn<string>("partition").AsPrimaryKey();
        table.AddColumn("tokens", "double precision").NotNull();
        table.AddColumn("granted", "double precision").NotNull().DefaultValue(0d);
        table.AddColumn("updated_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }
}

/// <summary>
/// One partition's (one key's, or one client address's) share of the cluster's token bucket on this node. Requests
/// spend tokens the node has borrowed from the shared bucket, with no database round trip; when none are left, a
/// request waits for the next settlement (at most one interval) and is refused if the cluster's bucket is empty.
/// Between settlements a node may spend up to <see cref="RateLimitSettings.Credit"/> tokens it has not borrowed,
/// when the bucket last had them; they are charged to the bucket at the next settlement (which may go below zero
/// and is then repaid from the refill).
/// </summary>
public sealed class ClusterBucket(string partition, RateLimitSettings settings, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private double _borrowed;
    private double _credit = settings.Credit;
    private double _charged;
    private double _usedSinceSettle;
    private double _lastClusterTokens = settings.Capacity;
    private int _waiting;
    private long _lastUsed = clock.GetTimestamp();
    private TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // A bucket of its own for when the shared ones cannot be reached.
    private double _localTokens = settings.Capacity;
    private long _localRefilled = clock.GetTimestamp();

    public string Partition { get; } = partition;

    /// <summary>How long nothing has happened here, once the node owes and holds nothing for it; null while it does.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _borrowed == 0 && _charged == 0 && _waiting == 0 ? clock.GetElapsedTime(_lastUsed) : null;
            }
        }
    }

    internal bool Local { get; set; }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            _lastUsed = clock.GetTimestamp();
            if (Local)
            {
                var elapsed = clock.GetElapsedTime(_localRefilled).TotalSeconds;
                _localRefilled = clock.GetTimestamp();
                _localTokens = Math.Min(settings.Capacity, _localTokens + (elapsed * settings.PermitsPerSecond));
                if (_localTokens >= permitCount)
                {
                    _localTokens -= permitCount;
                    return Lease.Granted;
                }

                return Lease.Refused(1);
            }

            if (_borrowed >= permitCount)
            {
                _borrowed -= permitCount;
                _usedSinceSettle += permitCount;
                return Lease.Granted;
            }

            if (_credit >= permitCount && _lastClusterTokens >= permitCount)
            {
                _credit -= permitCount;
                _charged += permitCount;
                _usedSinceSettle += permitCount;
                return Lease.Granted;
            }

            return Lease.Refused(RetryAfterSeconds());
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var lease = AttemptAcquireCore(permitCount);
        if (lease.IsAcquired || Local)
        {
            return lease;
        }

        Task settled;
        lock (_gate)
        {
            _waiting += permitCount;
            settled = _settled.Task;
        }

        try
        {
            await settled.WaitAsync(RateLimitSettings.SettlementWait, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // No settlement came (the store is slow or gone): refuse rather than hold the request.
        }
        finally
        {
            lock (_gate)
            {
                _waiting -= permitCount;
            }
        }

        return AttemptAcquireCore(permitCount);
    }

    /// <summary>What this node reports at a settlement: tokens it returns, tokens it spent on credit, tokens it wants.</summary>
    internal (double Returned, double Charged, double Wanted)? TakeReport()
    {
        lock (_gate)
        {
            var active = clock.GetElapsedTime(_lastUsed) < TimeSpan.FromSeconds(1);
            if (!active && _borrowed == 0 && _charged == 0 && _waiting == 0)
            {
                return null;
            }

            // Enough for what arrived in the last interval, twice over, and for what waits now; nothing once idle.
            var wanted = active ? Math.Min(settings.Capacity, _waiting + Math.Max(settings.Credit, 2 * _usedSinceSettle)) : 0;
            var report = (_borrowed, _charged, wanted);
            _borrowed = 0;
            _charged = 0;
            _usedSinceSettle = 0;
            return report;
        }
    }

    /// <summary>The settlement's answer: the tokens lent to this node and what the cluster's bucket holds after it.</summary>
    internal void Settle(double granted, double clusterTokens)
    {
        TaskCompletionSource settled;
        lock (_gate)
        {
            _borrowed += granted;
            _lastClusterTokens = clusterTokens;
            _credit = settings.Credit;
            settled = _settled;
            _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        settled.TrySetResult();
    }

    private int RetryAfterSeconds() =>
        _lastClusterTokens >= 1 ? 1 : Math.Max(1, (int)Math.Ceiling((1 - _lastClusterTokens) / Math.Max(1, settings.PermitsPerSecond)));

    private sealed class Lease(bool acquired, int retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, 0);

        public static Lease Refused(int retryAfter) => new(false, retryAfter);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => IsAcquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !IsAcquired && metadataName == MetadataName.RetryAfter.Name ? TimeSpan.FromSeconds(retryAfter) : null;
            return metadata is not null;
        }
    }
}

/// <summary>The node's buckets, and the loop that settles them with the shared table every <see cref="RateLimitSettings.SyncInterval"/>.</summary>
public sealed partial class ClusterRateLimits(
    RateLimitSettings settings, GulouSettings store, TimeProvider clock, ILogger<ClusterRateLimits> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, ClusterBucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSettled = clock.GetTimestamp();
    private long _lastSwept = clock.GetTimestamp();

    public ClusterBucket BucketFor(string partition) => _buckets.GetOrAdd(partition, p => new ClusterBucket(p, settings, clock) { Local = IsLocal });

    private bool IsLocal => clock.GetElapsedTime(_lastSettled) > RateLimitSettings.LocalFallbackAfter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(store.ConnectionString) { MaxPoolSize = 2, MinPoolSize = 0 }.ConnectionString);
        using var timer = new PeriodicTimer(RateLimitSettings.SyncInterval, clock);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SettleAsync(dataSource, stoppingToken);
                _lastSettled = clock.GetTimestamp();
                if (failing)
                {
                    LogRecovered(logger);
                    failing = false;
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (!failing)
                {
                    LogUnreachable(logger, e.Message);
                    failing = true;
                }
            }

            var local = IsLocal;
            foreach (var bucket in _buckets.Values)
            {
                bucket.Local = local;
                if (bucket.IdleDuration > TimeSpan.FromSeconds(30))
                {
                    _buckets.TryRemove(bucket.Partition, out _);
                }
            }
        }
    }

    private async Task SettleAsync(NpgsqlDataSource dataSource, CancellationToken cancellation)
    {
        var reports = _buckets.Values.Select(b => (Bucket: b, Report: b.TakeReport())).Where(r => r.Report is not null).OrderBy(r => r.Bucket.Partition, StringComparer.Ordinal).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        var table = $"{store.DatabaseSchema}.{RateLimitSettings.Table}";
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"insert into {table} (partition, tokens, updated_at) select p, $1, clock_timestamp() from unnest($2::text[]) as p order by p on conflict do nothing")
        {
            Parameters = { new() { Value = (double)settings.Capacity }, new() { Value = reports.Select(r => r.Bucket.Partition).ToArray() } },
        });
        // Each row is locked (in partition order, so that nodes never deadlock) and read at its latest version, refilled
        // for the time since its last settlement, given back the tokens the node returns and charged what it spent on credit;
        // the node is then lent what it wants of what is left.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            update {table} b set
              granted = greatest(0, least(a.wanted, floor(a.available))),
              tokens = a.available - greatest(0, least(a.wanted, floor(a.available))),
              updated_at = a.now
            from (
              select c.partition, u.wanted, clock_timestamp() as now,
                     least($1, c.tokens + $2 * extract(epoch from clock_timestamp() - c.updated_at) + u.returned) - u.charged as available
              from (select * from {table} where partition = any($3) order by partition for update) c
              join unnest($3::text[], $4::float8[], $5::float8[], $6::float8[]) as u(partition, returned, charged, wanted) using (partition)
            ) a
            where b.partition = a.partition
            returning b.partition, b.granted, b.tokens
            """)
        {
            Parameters =
            {
                new() { Value = (double)settings.Capacity },
                new() { Value = (double)settings.PermitsPerSecond },
                new() { Value = reports.Select(r => r.Bucket.Partition).ToArray() },
                new() { Value = reports.Select(r => r.Report!.Value.Returned).ToArray() },
                new() { Value = reports.Select(r => r.Report!.Value.Charged).ToArray() },
                new() { Value = reports.Select(r => r.Report!.Value.Wanted).ToArray() },
            },
        });
        if (clock.GetElapsedTime(_lastSwept) > TimeSpan.FromMinutes(1))
        {
            // A bucket idle this long is full again; dropping it changes nothing.
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {table} where updated_at < now() - interval '10 minutes'"));
            _lastSwept = clock.GetTimestamp();
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation))
        {
            var partition = reader.GetString(0);
            if (_buckets.TryGetValue(partition, out var bucket))
            {
                bucket.Settle(reader.GetDouble(1), reader.GetDouble(2));
                settled.Add(partition);
            }
        }

        foreach (var (bucket, _) in reports.Where(r => !settled.Contains(r.Bucket.Partition)))
        {
            bucket.Settle(0, 0);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Rate limits: the shared buckets cannot be reached ({Reason}); this node limits alone until they can")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Rate limits: the shared buckets are reachable again")]
    private static partial void LogRecovered(ILogger logger);
}
