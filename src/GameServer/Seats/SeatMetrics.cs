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

    public void Reserved(bool remote) => _reserved.Add(1, new KeyValuePair<string, object?>("where", remote ? "remote" : "local"));

    public void Expired() => _expired.Add(1);

    public void Refused(SeatClaimOutcome outcome) => _refused.Add(1, new KeyValuePair<string, object?>("reason", outcome switch
    {
        SeatClaimOutcome.OtherMatch => "other-match",
        SeatClaimOutcome.MatchGone => "match-gone",
        _ => "unknown",
    }));
}
