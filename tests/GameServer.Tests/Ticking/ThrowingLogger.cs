using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Ticking;

/// <summary>A logger whose sink is broken: every enabled log call throws, as a provider that fails to write does.</summary>
internal sealed class ThrowingLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        throw new InvalidOperationException("The log sink failed (on purpose, in a test).");
}
