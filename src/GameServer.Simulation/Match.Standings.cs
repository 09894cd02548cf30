namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>
    /// Writes the standings of the players now in the match, best first: score descending, then kills descending,
    /// then id ascending (the earlier joiner wins a full tie). Final once the match has ended.
    /// </summary>
    /// <returns>How many were written: the player count, or the destination's length when that is shorter (the top ones).</returns>
    public int GetStandings(Span<Standing> destination)
    {
        int count = 0;
        foreach (PlayerSlot slot in _players)
        {
            ref readonly EntityState entity = ref _world.Get(slot.Id);
            count = StandingRanking.Insert(destination, count, new Standing(slot.Id, slot.Name, entity.Score, entity.Aux, slot.Deaths));
        }

        return count;
    }

    /// <summary>The best-ranked player, 0 when there is none.</summary>
    private uint WinnerId()
    {
        uint bestId = 0;
        int bestScore = 0;
        uint bestKills = 0;
        foreach (PlayerSlot slot in _players)
        {
            ref readonly EntityState entity = ref _world.Get(slot.Id);
            if (bestId == 0 || entity.Score > bestScore || (entity.Score == bestScore && entity.Aux > bestKills))
            {
                bestId = slot.Id;
                bestScore = entity.Score;
                bestKills = entity.Aux;
            }
        }

        return bestId;
    }
}
