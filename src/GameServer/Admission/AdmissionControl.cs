using GameServer.Connections;
using GameServer.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Admission;

/// <summary>
/// Turns new players away while the server is full (<see cref="AdmissionOptions.MaxPlayers"/> connections), a tick
/// shard spends most of its period in its ticks or overruns them, it is stopping, or an operator drains it: running
/// matches keep their rate, newcomers get 503 with Retry-After before the upgrade (and go to another node).
/// </summary>
public sealed class AdmissionControl(IOptions<AdmissionOptions> options, ConnectionRegistry registry, TickLoop ticks, IHostApplicationLifetime lifetime,
    NodeDrain drain) : IPlayerAdmission
{
    public bool IsRefusingPlayers => RefusalReason is not null;

    public string? RefusalReason
    {
        get
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return "The server is stopping.";
            }

            AdmissionOptions limits = options.Value;
            if (registry.Count >= limits.MaxPlayers)
            {
                return $"The server holds its most players ({limits.MaxPlayers}).";
            }

            for (int i = 0; i < ticks.ShardCount; i++)
            {
                // An idle shard's window keeps its last ticks; they do not count once none of its matches is left.
                TickShard shard = ticks.GetShard(i);
                if (shard.IsIdle)
                {
                    continue;
                }

                int busy = shard.RecentBusyPercent;
                if (busy > limits.BusyPercent)
                {
                    return $"Tick shard {i} spent {busy} % of its last {shard.RecentTicks} periods in its ticks: running matches come first.";
                }

                if (shard.RecentOverruns * 100 > shard.RecentTicks * limits.OverrunPercent)
                {
                    return $"Tick shard {i} overran {shard.RecentOverruns} of its last {shard.RecentTicks} ticks: running matches come first.";
                }
            }

            // Last: a draining node's resumes are let in (UpgradePolicy), but not past any other refusal.
            return drain.IsDraining ? NodeDrain.RefusalReason : null;
        }
    }
}
