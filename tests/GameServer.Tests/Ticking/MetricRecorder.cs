using System.Diagnostics.Metrics;

namespace GameServer.Tests.Ticking;

/// <summary>Adds up what the instruments of one <see cref="TestMeterFactory"/> record, by instrument name.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _totals = [];
    private readonly Dictionary<string, int> _counts = [];

    public MetricRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>The sum of the values recorded on <paramref name="instrument"/>.</summary>
    public double Total(string instrument)
    {
        lock (_totals)
        {
            return _totals.GetValueOrDefault(instrument);
        }
    }

    /// <summary>How many measurements <paramref name="instrument"/> recorded.</summary>
    public int Count(string instrument)
    {
        lock (_totals)
        {
            return _counts.GetValueOrDefault(instrument);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, double value)
    {
        lock (_totals)
        {
            _totals[instrument] = _totals.GetValueOrDefault(instrument) + value;
            _counts[instrument] = _counts.GetValueOrDefault(instrument) + 1;
        }
    }
}
