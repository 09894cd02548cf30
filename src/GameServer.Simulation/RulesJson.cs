using System.Text.Json;

namespace GameServer.Simulation;

/// <summary>Every game's replay settings: its rules as JSON, readable in a hex dump and tolerant of rules added later.</summary>
internal static class RulesJson
{
    public static byte[] Write<TRules>(TRules rules) => JsonSerializer.SerializeToUtf8Bytes(rules);

    /// <exception cref="ArgumentException">The settings are not JSON rules of <typeparamref name="TRules"/>.</exception>
    public static TRules Read<TRules>(ReadOnlySpan<byte> settings, string game)
    {
        try
        {
            return JsonSerializer.Deserialize<TRules>(settings) ?? throw new ArgumentException($"The {game} settings are null.", nameof(settings));
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The {game} settings are not valid JSON rules: {exception.Message}", nameof(settings), exception);
        }
    }
}
