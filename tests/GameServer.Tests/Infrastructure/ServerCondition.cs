using System.Diagnostics.Metrics;

namespace GameServer.Tests.Infrastructure;

/// <summary>
/// Waits for a condition on a server's state without polling a clock: the condition is checked whenever the server
/// records a measurement on its "GameServer" meter, which every shard does at the end of every tick and every
/// connection does when it opens or closes, the moments at which the server's counts change.
/// </summary>
public static class ServerCondition
{
    /// <summary>True once <paramref name="condition"/> holds; false when <paramref name="timeout"/> (a hang guard) ran out first.</summary>
    public static async Task<bool> WaitAsync(TestServer server, Func<bool> condition, TimeSpan timeout)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        object factory = server.GetService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "GameServer" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => Check(condition, met));
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Check(condition, met));
        listener.Start();

        // Checked once the listener listens, so a condition already met, or met in between, is not missed.
        Check(condition, met);
        try
        {
            await met.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return condition();
        }
    }

    private static void Check(Func<bool> condition, TaskCompletionSource met)
    {
        if (!met.Task.IsCompleted && condition())
        {
            met.TrySetResult();
        }
    }
}
