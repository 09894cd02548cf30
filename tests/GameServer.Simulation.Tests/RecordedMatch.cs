using System.Buffers;
using GameServer.Arena.Wire;
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
        file.Write(encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, HashInterval, match.Schema.Input.Count)));
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

    /// <summary>
    /// The same records in the replay format's version 1 or 2, as earlier servers wrote Arena's matches: a Start without
    /// the input count, Steps of Arena's input layout (version 1 without the view tick).
    /// </summary>
    public static byte[] AsArenaLayout(byte[] file, byte version)
    {
        Assert.InRange(version, ReplayFormat.FirstVersion, ReplayFormat.LastArenaLayoutVersion);
        var reader = new ReplayReader(file);
        var encoder = new ReplayRecordEncoder();
        using var output = new MemoryStream();
        output.Write([.. ReplayFormat.Magic, version]);
        while (reader.TryRead(out ReplayRecord record))
        {
            switch (record.Kind)
            {
                case ReplayRecordKind.Start:
                    Assert.Equal(ReplayReader.ArenaLayoutInputFields, record.Start!.InputFields);
                    output.Write(StartRecord(record.Start!, withInputFields: false));
                    break;
                case ReplayRecordKind.Join:
                    output.Write(encoder.Join(record.Tick, record.PlayerId, record.Name!));
                    break;
                case ReplayRecordKind.Leave:
                    output.Write(encoder.Leave(record.Tick, record.PlayerId));
                    break;
                case ReplayRecordKind.Step:
                    WriteArenaLayoutStep(output, record.Tick, record.Inputs.Span, version);
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

    /// <summary>A Start record written field by field, unchecked (an encoder refuses a bad input count); versions 1 and 2 had no input count.</summary>
    public static byte[] StartRecord(ReplayStart start, bool withInputFields)
    {
        var payload = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(payload);
        writer.WriteArrayHeader(withInputFields ? 8 : 7);
        writer.Write(start.MatchId);
        writer.Write(start.Seed);
        writer.Write(start.Game);
        writer.Write(start.Settings);
        writer.Write(start.StartedUnixMs);
        writer.Write(start.TickRate);
        writer.Write(start.HashInterval);
        if (withInputFields)
        {
            writer.Write(start.InputFields);
        }

        writer.Flush();
        using var record = new MemoryStream();
        WriteRecord(record, ReplayRecordKind.Start, payload.WrittenSpan);
        return record.ToArray();
    }

    /// <summary>A version 1 or 2 Step record: Arena's seven numbers per input, and the view tick in version 2.</summary>
    private static void WriteArenaLayoutStep(Stream output, uint tick, ReadOnlySpan<PlayerInput> inputs, byte version)
    {
        int perInput = version == ReplayFormat.FirstVersion ? 7 : 8;
        var payload = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(payload);
        writer.WriteArrayHeader(1 + (inputs.Length * perInput));
        writer.Write(tick);
        foreach (PlayerInput input in inputs)
        {
            InputMessage m = ArenaSchema.ToInput(input.Input);
            writer.Write(input.PlayerId);
            writer.Write(m.Sequence);
            writer.Write(m.AckTick);
            writer.Write(m.MoveX);
            writer.Write(m.MoveY);
            writer.Write(m.Aim);
            writer.Write((byte)m.Buttons);
            if (version == ReplayFormat.FirstVersion)
            {
                Assert.Equal(0u, m.ViewTick);
            }
            else
            {
                writer.Write(m.ViewTick);
            }
        }

        writer.Flush();
        WriteRecord(output, ReplayRecordKind.Step, payload.WrittenSpan);
    }

    private static void WriteRecord(Stream output, ReplayRecordKind kind, ReadOnlySpan<byte> payload)
    {
        output.WriteByte((byte)kind);
        for (uint length = (uint)payload.Length; ; length >>= 7)
        {
            if (length < 0x80)
            {
                output.WriteByte((byte)length);
                break;
            }

            output.WriteByte((byte)(length | 0x80));
        }

        output.Write(payload);
    }
}
