using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// Everything the service logs during the tests, messages, exceptions and scopes, to check what never reaches a
/// log and what every entry carries.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IEnumerable<LogRecord> Records => _records;

    public IEnumerable<string> Entries => _records.Select(r => r.ToString());

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogRecord(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> Scope)
    {
        public object? ScopeValue(string key) => Scope.LastOrDefault(p => p.Key == key).Value;

        public override string ToString() => $"{Level} {Category}: {Message} {Exception} [{string.Join(", ", Scope.Select(p => $"{p.Key}={p.Value}"))}]";
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new List<KeyValuePair<string, object?>>();
            logs._scopes.ForEachScope((s, list) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs);
                }
                else if (s is not null)
                {
                    list.Add(new KeyValuePair<string, object?>("", s.ToString()));
                }
            }, scope);
            logs._records.Enqueue(new LogRecord(logLevel, category, formatter(state, exception), exception, scope));
        }
    }
}
