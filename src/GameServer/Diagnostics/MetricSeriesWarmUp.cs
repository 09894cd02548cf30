using GameServer.Admin;
using GameServer.Matches;
using GameServer.Replays;
using GameServer.Seats;
using GameServer.Spectators;
using GameServer.Ticking;

namespace GameServer.Diagnostics;

/// <summary>
/// Records a zero on every counter at start, so that <c>/metrics</c> shows each documented <c>gameserver_*</c> series from
/// the first scrape: OpenTelemetry exports a counter only once it has a measurement, and a dashboard or an alert on a
/// series that does not exist yet sees nothing rather than zero. The node's gauges are published then too.
/// </summary>
/// <remarks>
/// Registered right after OpenTelemetry's own hosted service, which creates the meter provider when it starts: a
/// measurement recorded before that has no listener and is lost.
/// </remarks>
internal sealed class MetricSeriesWarmUp(
    GatewayMetrics gateway,
    SpectatorMetrics spectators,
    TickLoop ticks,
    SeatMetrics seats,
    ReplayMetrics replays,
    AdminMetrics admin,
    MatchGauges matchGauges) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        gateway.RecordZeros();
        spectators.RecordZeros();
        ticks.RecordZeros();
        seats.RecordZeros();
        replays.RecordZeros();
        admin.RecordZeros();
        matchGauges.Publish();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
