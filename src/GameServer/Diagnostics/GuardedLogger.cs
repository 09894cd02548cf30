namespace GameServer.Diagnostics;

/// <summary>
/// A logger that never throws into its caller: what a provider throws is swallowed and counted. Given to code on the
/// tick threads, so that a broken log sink cannot end a match or a shard.
/// </summary>
/// <remarks>
/// The logging framework writes to every provider and then throws an AggregateException when one of them threw, so a
/// single faulty provider would otherwise reach the tick.
/// </remarks>
public sealed class GuardedLogger(ILogger inner) : ILogger
{
    private long _failures;

    /// <summary>Log calls that threw and were swallowed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        try
        {
            return inner.BeginScope(state);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _failures);
            return null;
        }
    }

    public bool IsEnabled(LogLevel logLevel)
    {
        try
        {
            return inner.IsEnabled(logLevel);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _failures);
            return false;
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
        catch (Exception)
        {
            // Nothing to tell: the logger is what failed. The count is what is left.
            Interlocked.Increment(ref _failures);
        }
    }
}
