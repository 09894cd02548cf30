namespace GameServer.Simulation;

/// <summary>
/// The order of every game's standings, best first: score descending, then kills descending, then id ascending (the
/// earlier joiner wins a full tie). Shared by Arena and Tag so that scoreboards read the same whatever the game.
/// </summary>
internal static class StandingRanking
{
    /// <summary>Inserts into the sorted run <paramref name="destination"/>[..count], keeping its best; returns the new count.</summary>
    /// <remarks>An insertion into a bounded sorted run: no allocation, and player counts are small.</remarks>
    public static int Insert(Span<Standing> destination, int count, in Standing standing)
    {
        int position = count;
        while (position > 0 && Ranks(standing, destination[position - 1]))
        {
            position--;
        }

        if (position >= destination.Length)
        {
            return count;
        }

        int last = Math.Min(count, destination.Length - 1);
        for (int i = last; i > position; i--)
        {
            destination[i] = destination[i - 1];
        }

        destination[position] = standing;
        return Math.Min(count + 1, destination.Length);
    }

    /// <summary>Whether <paramref name="a"/> ranks strictly above <paramref name="b"/>.</summary>
    public static bool Ranks(in Standing a, in Standing b) =>
        a.Score != b.Score ? a.Score > b.Score :
        a.Kills != b.Kills ? a.Kills > b.Kills :
        a.PlayerId < b.PlayerId;
}
