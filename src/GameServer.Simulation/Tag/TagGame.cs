namespace GameServer.Simulation.Tag;

/// <summary>Tag as the host and replays name it: "tag", its settings its <see cref="TagRules"/> as JSON (<see cref="RulesJson"/>).</summary>
public sealed class TagGame(TagRules rules) : IReplayableGame
{
    public string Name => TagSchema.GameName;

    public byte[] Settings { get; } = RulesJson.Write(rules);

    public IMatchSimulation Create(uint id, ulong seed, ReadOnlySpan<byte> settings) =>
        new TagMatch(id, seed, RulesJson.Read<TagRules>(settings, "Tag"));
}
