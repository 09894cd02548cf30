using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Replays;

/// <summary>The games this build can re-simulate, for tools that replay files without a running server.</summary>
public static class ReplayGames
{
    /// <summary>Every game of this build (their own settings do not matter: a replay brings its own).</summary>
    public static IReadOnlyList<IReplayableGame> Builtin { get; } = [new ArenaGame(new ArenaRules()), new TagGame(new TagRules())];
}
