using System.Diagnostics.Metrics;

namespace GameServer.Tests.Ticking;

/// <summary>A metrics listener that throws from every measurement of one meter factory's instruments, on the recording thread.</summary>
internal sealed class ThrowingListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _thrown;

    public ThrowingListener(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Throw());
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Throw());
        _listener.Start();
    }

    /// <summary>Measurements it threw from.</summary>
    public int Thrown => Volatile.Read(ref _thrown);

    public void Dispose() => _listener.Dispose();

    private void Throw()
    {
        Interlocked.Increment(ref _thrown);
        throw new InvalidOperationException("The metrics listener failed (on purpose, in a test).");
    }
}
