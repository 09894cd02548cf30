using System.Diagnostics;

namespace GameServer.Client;

/// <summary>
/// Ping timestamps and round-trip times. The clock is in microseconds: protocol.md lets a client choose the units
/// of its Ping's time, and milliseconds would read 0 on a LAN. It wraps every 71 minutes; differences stay right.
/// </summary>
internal sealed class RoundTripMeter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The last round trip measured; null before the first Pong.</summary>
    public TimeSpan? Last { get; private set; }

    /// <summary>An exponentially smoothed round trip (1/8 of each new sample, as TCP's SRTT); null before the first Pong.</summary>
    public TimeSpan? Smoothed { get; private set; }

    public uint Now => unchecked((uint)(_clock.Elapsed.Ticks / 10));

    /// <summary>Records the Pong of a Ping sent at <paramref name="clientTime"/>; returns the round trip.</summary>
    public TimeSpan Record(uint clientTime)
    {
        uint micros = unchecked(Now - clientTime);
        var rtt = TimeSpan.FromTicks(micros * 10L);
        Last = rtt;
        Smoothed = Smoothed is TimeSpan s ? TimeSpan.FromTicks(s.Ticks + ((rtt.Ticks - s.Ticks) / 8)) : rtt;
        return rtt;
    }
}
