using System.Buffers;
using System.Text.Json;

namespace GameServer.Simulation;

/// <summary>
/// Arena's rules document, which the host serves as <c>GET /arena.json</c>: the Arena's map and rules exactly as the simulation plays them, so a client's
/// prediction takes its constants from the server instead of copying them by hand (protocol.md, "Arena rules").
/// </summary>
/// <remarks>
/// Every length is in position units (1/16 world unit), every speed in position units per tick, every duration in
/// ticks, all for the server's tick rate: the numbers a client needs to step the same integer movement.
/// </remarks>
public static class ArenaJson
{
    /// <summary>The document's version: a field is only ever added to it.</summary>
    public const int Version = 1;

    /// <summary>The document for these rules, as UTF-8 JSON.</summary>
    public static byte[] Write(ArenaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteNumber("tickRate", rules.TickRate);
            writer.WriteNumber("positionScale", Quantization.PositionScale);
            writer.WriteNumber("angleUnitsPerTurn", Quantization.AngleUnitsPerTurn);
            writer.WriteNumber("maxMoveAxis", Quantization.MaxMoveAxis);
            WriteMap(writer);
            WritePlayer(writer, rules);

            writer.WriteStartObject("projectile");
            writer.WriteNumber("radius", rules.ProjectileRadius);
            writer.WriteNumber("speed", rules.ProjectileSpeed);
            writer.WriteNumber("lifetimeTicks", rules.ProjectileLifetimeTicks);
            writer.WriteNumber("damage", rules.ProjectileDamage);
            writer.WriteEndObject();

            writer.WriteStartObject("pickup");
            writer.WriteNumber("radius", rules.PickupRadius);
            writer.WriteNumber("healthAmount", rules.HealthPickupAmount);
            writer.WriteNumber("orbScore", rules.OrbScore);
            writer.WriteNumber("max", rules.MaxPickups);
            writer.WriteNumber("spawnIntervalTicks", rules.PickupSpawnIntervalTicks);
            writer.WriteEndObject();

            writer.WriteStartObject("match");
            writer.WriteNumber("minPlayersToStart", rules.MinPlayersToStart);
            writer.WriteNumber("countdownTicks", rules.CountdownTicks);
            writer.WriteNumber("timeLimitTicks", rules.TimeLimitTicks);
            writer.WriteNumber("endedTicks", rules.EndedTicks);
            writer.WriteNumber("scoreLimit", rules.ScoreLimit);
            writer.WriteNumber("killScore", rules.KillScore);
            writer.WriteNumber("lagCompensationTicks", rules.LagCompensationTicks);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMap(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("map");
        writer.WriteNumber("width", ArenaMap.Width);
        writer.WriteNumber("height", ArenaMap.Height);
        writer.WriteStartArray("walls");
        foreach (WallRect wall in ArenaMap.Walls)
        {
            // [left, top, right, bottom]: a player overlaps it when it is strictly inside, touching is free.
            writer.WriteStartArray();
            writer.WriteNumberValue(wall.Left);
            writer.WriteNumberValue(wall.Top);
            writer.WriteNumberValue(wall.Right);
            writer.WriteNumberValue(wall.Bottom);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePlayer(Utf8JsonWriter writer, ArenaRules rules)
    {
        writer.WriteStartObject("player");
        writer.WriteNumber("radius", rules.PlayerRadius);
        writer.WriteNumber("maxSpeed", rules.MaxSpeed);
        writer.WriteNumber("acceleration", rules.Acceleration);
        writer.WriteNumber("friction", rules.Friction);
        writer.WriteNumber("maxHealth", rules.MaxHealth);
        writer.WriteNumber("fireCooldownTicks", rules.FireCooldownTicks);
        writer.WriteNumber("respawnDelayTicks", rules.RespawnDelayTicks);
        writer.WriteNumber("spawnProtectionTicks", rules.SpawnProtectionTicks);
        writer.WriteEndObject();
    }
}
