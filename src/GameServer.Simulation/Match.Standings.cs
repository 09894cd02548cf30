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
            var standing = new Standing(slot.Id, slot.Name, entity.Score, entity.Aux, slot.Deaths);

            // Insertion into a bounded sorted run: no allocation, and player counts are small.
            int position = count;
            while (position > 0 && Ranks(standing, destination[position - 1]))
            {
                position--;
            }

            if (position >= destination.Length)
            {
                continue;
            }

            int last = Math.Min(count, destination.Length - 1);
            for (int i = last; i > position; i--)
            {
                destination[i] = destination[i - 1];
            }

            destination[position] = standing;
            count = Math.Min(count + 1, destination.Length);
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

    /// <summary>Whether <paramref name="a"/> ranks strictly above <paramref name="b"/>.</summary>
    private static bool Ranks(in Standing a, in Standing b) =>
        a.Score != b.Score ? a.Score > b.Score :
        a.Kills != b.Kills ? a.Kills > b.Kills :
        a.PlayerId < b.PlayerId;
}
