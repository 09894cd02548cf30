using GameServer.Connections;
using GameServer.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Admission;

/// <summary>
/// Turns new players away while the server is full (<see cref="AdmissionOptions.MaxPlayers"/> connections), a tick
/// shard spends most of its period in its ticks or overruns them, it is stopping, or an operator drains it: running
/// matches keep their rate, newcomers get 503 with Retry-After before the upgrade (and go to another node).
/// </summary>
/// <remarks>
/// A shard that turned players away takes them again only once its share is down to
/// <see cref="AdmissionOptions.ReopenBusyPercent"/>: at capacity the share hovers about the limit, and each dip under
/// it let in players who stayed, until the core had nothing left for the matches it ran (perf/RESULTS.md, "Connections
/// met on the loop").
/// </remarks>
public sealed class AdmissionControl(IOptions<AdmissionOptions> options, ConnectionRegistry registry, TickLoop ticks, IHostApplicationLifetime lifetime,
    NodeDrain drain) : IPlayerAdmission
{
    // Per shard: turned players away, and has not come down to the reopening share since. Read and written by every
    // caller without a lock: two callers at the same moment can only both see the same shard's same window.
    private readonly bool[] _full = new bool[ticks.ShardCount];

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
                if (ShardRefusal(i, limits) is string refusal)
                {
                    return refusal;
                }
            }

            // Last: a draining node's resumes are let in (UpgradePolicy), but not past any other refusal.
            return drain.IsDraining ? NodeDrain.RefusalReason : null;
        }
    }

    private string? ShardRefusal(int index, AdmissionOptions limits)
    {
        // An idle shard's window keeps its last ticks; they do not count once none of its matches is left.
        TickShard shard = ticks.GetShard(index);
        if (shard.IsIdle)
        {
            Volatile.Write(ref _full[index], false);
            return null;
        }

        int busy = shard.RecentBusyPercent;
        bool overrunning = shard.RecentOverruns * 100 > shard.RecentTicks * limits.OverrunPercent;
        bool full = Volatile.Read(ref _full[index])
            ? busy > limits.ReopenBusyPercent || overrunning
            : busy > limits.BusyPercent || overrunning;
        Volatile.Write(ref _full[index], full);
        if (!full)
        {
            return null;
        }

        string reopen = $"it takes players again under {limits.ReopenBusyPercent} %";
        return overrunning && busy <= limits.BusyPercent
            ? $"Tick shard {index} overran {shard.RecentOverruns} of its last {shard.RecentTicks} ticks ({busy} % busy; {reopen}): running matches come first."
            : $"Tick shard {index} spent {busy} % of its last {shard.RecentTicks} periods in its ticks ({reopen}): running matches come first.";
    }
}
