using GameServer.Simulation;

namespace GameServer.Testing;

/// <summary>Arena rules for tests that need matches to end: one player starts one, after a 3-tick countdown.</summary>
internal static class ShortMatches
{
    /// <param name="runningTicks">The time limit; at 30 ticks a second, 15 is half a second.</param>
    /// <param name="endedTicks">How long the end screen lasts before the match closes.</param>
    public static ArenaRules Rules(int runningTicks, int endedTicks)
    {
        ArenaRules rules = ArenaRules.ForTickRate(ArenaRules.DefaultTickRate);
        rules.MinPlayersToStart = 1;
        rules.CountdownTicks = 3;
        rules.TimeLimitTicks = runningTicks;
        rules.EndedTicks = endedTicks;
        return rules;
    }
}
