using GameServer.Protocol.Schema;

namespace GameServer.Simulation.Tag;

/// <summary>Tag on the wire and in the scoreboard: its state in <see cref="TagSchema"/>'s layout, its standings, its hash.</summary>
public sealed partial class TagMatch
{
    public void WriteState(SchemaWorld target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Clear();
        target.Tick = Tick;
        target.Phase = Phase;
        target.PhaseTicksLeft = PhaseTicksLeft;
        foreach (TagPlayer player in _players)
        {
            Span<int> v = target.ValuesAt(target.Add(player.Id, TagSchema.PlayerKind, player.Name));
            v[TagSchema.Vx] = player.Vx;
            v[TagSchema.Vy] = player.Vy;
            v[TagSchema.X] = player.X;
            v[TagSchema.Y] = player.Y;
            v[TagSchema.It] = player.IsIt ? 1 : 0;
            v[TagSchema.Score] = player.Score;
            v[TagSchema.Tags] = player.Tags;
            v[TagSchema.Immune] = player.ImmuneTicks > 0 ? 1 : 0;
        }
    }

    /// <summary>
    /// Writes the standings of the players now in the match, best first: score descending, then tags descending, then
    /// id ascending; Kills are the tags made, Deaths the times tagged. Final once the match has ended.
    /// </summary>
    public int GetStandings(Span<Standing> destination)
    {
        int count = 0;
        foreach (TagPlayer player in _players)
        {
            count = StandingRanking.Insert(destination, count, player.ToStanding());
        }

        return count;
    }

    /// <summary>A hash of the lifecycle and of every player's state, the held input and timers the wire does not show included.</summary>
    public ulong ComputeHash()
    {
        var hash = new StateHash();
        hash.Add(Tick);
        hash.Add((uint)Phase);
        hash.Add(PhaseTicksLeft);
        hash.Add(IsClosed ? 1u : 0u);
        foreach (TagPlayer player in _players)
        {
            hash.Add(player.Id);
            hash.Add(player.Name);
            hash.Add((uint)player.X);
            hash.Add((uint)player.Y);
            hash.Add((uint)player.Vx);
            hash.Add((uint)player.Vy);
            hash.Add(player.IsIt ? 1u : 0u);
            hash.Add((uint)player.Score);
            hash.Add((uint)player.FreeTicks);
            hash.Add((uint)player.Tags);
            hash.Add((uint)player.TimesTagged);
            hash.Add((uint)player.ImmuneTicks);
            hash.Add((uint)player.MoveX);
            hash.Add((uint)player.MoveY);
            hash.Add(player.LastSequence);
        }

        return hash.Value;
    }
}
