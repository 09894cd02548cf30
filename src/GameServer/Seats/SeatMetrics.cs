using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Seats;

/// <summary>Instruments of seat reservations, on the "GameServer" meter.</summary>
public sealed class SeatMetrics
{
    private readonly Counter<long> _reserved;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _refused;

    public SeatMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(GameServerMeter.Name);
        _reserved = meter.CreateCounter<long>("gameserver.seats.reserved", description: "Seats POST /matchmaking reserved, by where the match runs (local, remote).");
        _expired = meter.CreateCounter<long>("gameserver.seats.expired", description: "Seats held in this node's matches whose player never came.");
        _refused = meter.CreateCounter<long>("gameserver.seats.refused", description: "Seats presented on a Join and refused, by reason (unknown, other-match, match-gone).");
    }

    /// <summary>A zero on each series, so /metrics shows them from the first scrape (see MetricSeriesWarmUp).</summary>
    internal void RecordZeros()
    {
        Reserved(remote: false, count: 0);
        Reserved(remote: true, count: 0);
        _expired.Add(0);
        foreach (SeatClaimOutcome outcome in (ReadOnlySpan<SeatClaimOutcome>)[SeatClaimOutcome.Unknown, SeatClaimOutcome.OtherMatch, SeatClaimOutcome.MatchGone])
        {
            Refused(outcome, count: 0);
        }
    }

    public void Reserved(bool remote) => Reserved(remote, 1);

    public void Expired() => _expired.Add(1);

    public void Refused(SeatClaimOutcome outcome) => Refused(outcome, 1);

    private void Reserved(bool remote, int count) => _reserved.Add(count, new KeyValuePair<string, object?>("where", remote ? "remote" : "local"));

    private void Refused(SeatClaimOutcome outcome, int count) => _refused.Add(count, new KeyValuePair<string, object?>("reason", outcome switch
    {
        SeatClaimOutcome.OtherMatch => "other-match",
        SeatClaimOutcome.MatchGone => "match-gone",
        _ => "unknown",
    }));
}
