using System.Buffers;
using GameServer.Simulation.Replays;
using MessagePack;

namespace GameServer.Simulation.Tests;

/// <summary>
/// Plays a scripted Arena match and records it as the host does (joins, each Step's inputs before it runs, a hash every
/// 30 ticks, End); a tamper changes what is written, not what is played, as a bug or a corrupted disk would.
/// </summary>
internal static class RecordedMatch
{
    public const int HashInterval = 30;

    /// <param name="shoot">
    /// Whether every player also fires whenever it can, its inputs made while its client displayed 2 to 4 ticks ago
    /// (lag compensation judges the shots), so the replay must carry the view ticks to match.
    /// </param>
    public static byte[] Record(int ticks, Func<uint, PlayerInput, PlayerInput>? tamper = null, int players = 3, bool shoot = false)
    {
        ArenaRules rules = Arena.QuietRules();
        var game = new ArenaGame(rules);
        var match = (Match)game.Create(4, 42, game.Settings);
        var encoder = new ReplayRecordEncoder();
        using var file = new MemoryStream();
        file.Write(ReplayFormat.Header);
        file.Write(encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, HashInterval)));
        for (int i = 1; i <= players; i++)
        {
            uint id = match.AddPlayer("p" + i);
            file.Write(encoder.Join(match.World.Tick, id, "p" + i));
        }

        var inputs = new PlayerInput[players];
        var written = new PlayerInput[players];
        for (uint tick = 1; tick <= ticks; tick++)
        {
            for (int i = 0; i < players; i++)
            {
                // Each player steers a slow circle of its own, so every tick's input moves it.
                double angle = (tick / 20.0) + i;
                inputs[i] = Arena.Input((uint)i + 1, tick, (int)(Math.Cos(angle) * 127), (int)(Math.Sin(angle) * 127), (ushort)(tick * 100));
                if (shoot)
                {
                    uint view = tick > 4 ? tick - 2 - (uint)(i % 3) : 0;
                    inputs[i] = inputs[i] with { Input = ArenaSchema.ToInput(inputs[i].Input) with { Aim = (ushort)((tick * 2000) + (i * 21000)), Buttons = Buttons.Fire, ViewTick = view } };
                }

                written[i] = tamper is null ? inputs[i] : tamper(tick, inputs[i]);
            }

            file.Write(encoder.Step(tick, written));
            match.Step(inputs);
            if (tick % HashInterval == 0)
            {
                file.Write(encoder.Hash(tick, match.World.ComputeHash()));
            }
        }

        file.Write(encoder.End(new ReplayEnd((uint)ticks, 1_700_000_060_000, ReplayEndReason.MatchEnded, players)));
        return file.ToArray();
    }

    /// <summary>The same records in the replay format's version 1, whose inputs had no view tick (as the first servers wrote them).</summary>
    public static byte[] AsVersion1(byte[] file)
    {
        var reader = new ReplayReader(file);
        var encoder = new ReplayRecordEncoder();
        using var output = new MemoryStream();
        output.Write([.. ReplayFormat.Magic, ReplayFormat.FirstVersion]);
        while (reader.TryRead(out ReplayRecord record))
        {
            switch (record.Kind)
            {
                case ReplayRecordKind.Start:
                    output.Write(encoder.Start(record.Start!));
                    break;
                case ReplayRecordKind.Join:
                    output.Write(encoder.Join(record.Tick, record.PlayerId, record.Name!));
                    break;
                case ReplayRecordKind.Leave:
                    output.Write(encoder.Leave(record.Tick, record.PlayerId));
                    break;
                case ReplayRecordKind.Step:
                    WriteVersion1Step(output, record.Tick, record.Inputs.Span);
                    break;
                case ReplayRecordKind.Hash:
                    output.Write(encoder.Hash(record.Tick, record.Hash));
                    break;
                case ReplayRecordKind.End:
                    output.Write(encoder.End(record.End));
                    break;
            }
        }

        return output.ToArray();
    }

    /// <summary>A version-1 Step record: seven numbers per input, no view tick.</summary>
    private static void WriteVersion1Step(Stream output, uint tick, ReadOnlySpan<PlayerInput> inputs)
    {
        var payload = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(payload);
        writer.WriteArrayHeader(1 + (inputs.Length * 7));
        writer.Write(tick);
        foreach (PlayerInput input in inputs)
        {
            InputMessage m = ArenaSchema.ToInput(input.Input);
            Assert.Equal(0u, m.ViewTick);
            writer.Write(input.PlayerId);
            writer.Write(m.Sequence);
            writer.Write(m.AckTick);
            writer.Write(m.MoveX);
            writer.Write(m.MoveY);
            writer.Write(m.Aim);
            writer.Write((byte)m.Buttons);
        }

        writer.Flush();
        output.WriteByte((byte)ReplayRecordKind.Step);
        for (uint length = (uint)payload.WrittenCount; ; length >>= 7)
        {
            if (length < 0x80)
            {
                output.WriteByte((byte)length);
                break;
            }

            output.WriteByte((byte)(length | 0x80));
        }

        output.Write(payload.WrittenSpan);
    }
}
