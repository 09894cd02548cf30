using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GameServer.Tests.Infrastructure;

/// <summary>
/// Listens to one server's "GameServer" meter (told apart from other test servers' by its factory, the meter's
/// scope) and sums each instrument's measurements, by tag value.
/// </summary>
public sealed class MetricProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricProbe(TestServer server)
    {
        object factory = server.GetService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "GameServer" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}[{tag.Value}]", value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The sum so far of an instrument, or of its measurements with one tag value: <c>name[value]</c>.</summary>
    public long Total(string key) => _totals.GetValueOrDefault(key);

    /// <summary>Waits until the total reaches at least <paramref name="minimum"/>.</summary>
    public async Task WaitForAsync(string key, long minimum = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (Total(key) < minimum)
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    public void Dispose() => _listener.Dispose();
}
