namespace GameServer.Simulation;

/// <summary>Arena for replays: its settings are its <see cref="ArenaRules"/> as JSON (<see cref="RulesJson"/>).</summary>
public sealed class ArenaGame(ArenaRules rules) : IReplayableGame
{
    public string Name => ArenaSchema.GameName;

    public byte[] Settings { get; } = RulesJson.Write(rules);

    public IMatchSimulation Create(uint id, ulong seed, ReadOnlySpan<byte> settings) =>
        new Match(id, seed, RulesJson.Read<ArenaRules>(settings, "Arena"));
}
