using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecureCart.Previews.Tests.Support;

/// <summary>Every log line the service writes, at every level, with its category, to assert on what an operator sees.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}

/// <param name="Exception">The exception logged with the line, as text (type, message, stack), if any.</param>
public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, string? Exception = null);
