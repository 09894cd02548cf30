using System.Text.Json;

namespace GameServer.Simulation;

/// <summary>Arena for replays: its settings are its <see cref="ArenaRules"/> as JSON, readable in a hex dump and tolerant of rules added later.</summary>
public sealed class ArenaGame(ArenaRules rules) : IReplayableGame
{
    public string Name => "arena";

    public byte[] Settings { get; } = JsonSerializer.SerializeToUtf8Bytes(rules);

    public IMatchSimulation Create(uint id, ulong seed, ReadOnlySpan<byte> settings)
    {
        ArenaRules recorded;
        try
        {
            recorded = JsonSerializer.Deserialize<ArenaRules>(settings) ?? throw new ArgumentException("The Arena settings are null.", nameof(settings));
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The Arena settings are not valid JSON rules: {exception.Message}", nameof(settings), exception);
        }

        return new Match(id, seed, recorded);
    }
}
