using System.Buffers;
using System.Security.Cryptography;
using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

/// <summary>
/// Pins what Arena does, not only that it does it the same way twice: a seeded match with scripted inputs must end in
/// exactly the recorded world, on every platform and after every refactoring that is not meant to change the game.
/// </summary>
/// <remarks>
/// <para>
/// The hash is SHA-256 over the protocol's snapshot bytes (<see cref="ArenaFrameWriter.WriteSnapshot"/>, the canonical
/// encoding clients see) taken every <see cref="CheckpointInterval"/> ticks and after the last, so a difference that
/// later evens out still shows. The inputs are plain arithmetic on the tick and the player's index (no
/// <see cref="Random"/>, whose sequence .NET does not promise to keep), and the match uses the default rules.
/// </para>
/// <para>
/// When a change to the rules, the simulation or the snapshot encoding is <em>meant</em> to change the game, update the
/// golden value: run this test, copy the "Actual hash" from its failure message into <see cref="GoldenHash"/>, and say
/// in the commit message which change moved it. When no such change was meant, the failure is a bug (or a platform
/// difference) to find, not a value to update.
/// </para>
/// </remarks>
public sealed class GoldenWorldTests
{
    private const ulong Seed = 0x5EED_0F_A2E4A;
    private const int Players = 6;
    private const int Ticks = 3_000;
    private const int CheckpointInterval = 100;
    private const string GoldenHash = "481E01E97BE06875379160BA522EBA5571064D701D862AB2235AF9B8838D8907";

    [Fact]
    public void Step_SeededMatchWithScriptedInputs_EndsInTheGoldenWorld()
    {
        (string hash, int kills, int pickups) = Run();

        Assert.True(kills > 0, "The script should exercise combat.");
        Assert.True(pickups > 0, "The script should exercise pickups.");
        // Not Assert.Equal: it shortens long strings, and the whole hash is what an update needs.
        Assert.True(hash == GoldenHash, $"The world after {Ticks} ticks differs from the golden one. Actual hash: {hash}");
    }

    private static (string Hash, int Kills, int Pickups) Run()
    {
        var match = new Match(1, Seed, new ArenaRules());
        var ids = new uint[Players];
        for (int p = 0; p < Players; p++)
        {
            ids[p] = match.AddPlayer("p" + p);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var snapshot = new ArrayBufferWriter<byte>();
        var inputs = new PlayerInput[Players];
        int kills = 0;
        int pickups = 0;
        for (int tick = 0; tick < Ticks && !match.IsClosed; tick++)
        {
            for (int p = 0; p < Players; p++)
            {
                inputs[p] = new PlayerInput(ids[p], Script(tick, p));
            }

            match.Step(inputs);
            foreach (GameEvent e in match.Events)
            {
                kills += e.Kind == GameEventKind.Kill ? 1 : 0;
                pickups += e.Kind == GameEventKind.Pickup ? 1 : 0;
            }

            match.ClearEvents();
            if ((tick + 1) % CheckpointInterval == 0)
            {
                AppendSnapshot(sha, snapshot, match.World);
            }
        }

        AppendSnapshot(sha, snapshot, match.World);
        return (Convert.ToHexString(sha.GetHashAndReset()), kills, pickups);
    }

    // Each player wanders in a square that turns once a second, sweeps its aim and fires three ticks in ten.
    private static InputMessage Script(int tick, int player)
    {
        int phase = (tick / 30) + player;
        var moveX = (sbyte)(((phase % 3) - 1) * 127);
        var moveY = (sbyte)((((phase / 3) % 3) - 1) * 127);
        var aim = (ushort)((tick * 257) + (player * 8191));
        Buttons buttons = (tick + player) % 10 < 3 ? Buttons.Fire : Buttons.None;
        return new InputMessage((uint)tick + 1, (uint)tick, moveX, moveY, aim, buttons);
    }

    private static void AppendSnapshot(IncrementalHash sha, ArrayBufferWriter<byte> buffer, WorldState world)
    {
        buffer.ResetWrittenCount();
        ArenaFrameWriter.WriteSnapshot(buffer, world);
        sha.AppendData(buffer.WrittenSpan);
    }
}
