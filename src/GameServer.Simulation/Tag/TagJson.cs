using System.Buffers;
using System.Text.Json;

namespace GameServer.Simulation.Tag;

/// <summary>
/// Tag's rules document, which the host serves as <c>GET /tag.json</c>: what the schema does not say (the players'
/// size, speeds, durations), so a page draws and steers by the server's rules instead of copies of them. Lengths in
/// position units (1/16 world unit), speeds per tick, durations in ticks, all for the server's tick rate.
/// </summary>
public static class TagJson
{
    /// <summary>The document's version: a field is only ever added to it.</summary>
    public const int Version = 1;

    /// <summary>The document for these rules, as UTF-8 JSON.</summary>
    public static byte[] Write(TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteNumber("tickRate", rules.TickRate);
            writer.WriteNumber("positionScale", Quantization.PositionScale);
            writer.WriteNumber("width", TagRules.Width);
            writer.WriteNumber("height", TagRules.Height);
            writer.WriteNumber("playerRadius", rules.PlayerRadius);
            writer.WriteNumber("runnerSpeed", rules.RunnerSpeed);
            writer.WriteNumber("itSpeed", rules.MaxSpeed);
            writer.WriteNumber("immunityTicks", rules.ImmunityTicks);
            writer.WriteNumber("countdownTicks", rules.CountdownTicks);
            writer.WriteNumber("timeLimitTicks", rules.TimeLimitTicks);
            writer.WriteNumber("endedTicks", rules.EndedTicks);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
