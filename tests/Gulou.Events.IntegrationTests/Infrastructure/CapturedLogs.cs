using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Everything the service logs during the tests, messages and exceptions, to check what never reaches a log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IEnumerable<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
