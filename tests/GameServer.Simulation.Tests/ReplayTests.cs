using GameServer.Arena.Wire;
using GameServer.Simulation.Replays;

namespace GameServer.Simulation.Tests;

public sealed class ReplayTests
{
    [Fact]
    public void Run_RecordedMatch_EveryHashMatches()
    {
        byte[] file = RecordedMatch.Record(ticks: 300);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.Equal(300u, verdict.Tick);
        Assert.Equal(10, verdict.HashesChecked);
        Assert.Equal("OK: 300 ticks replayed, 10 hashes match.", verdict.Message);
        Assert.Equal(42ul, verdict.Start!.Seed);
    }

    [Fact]
    public void Run_RecordedFightWithViewTicks_EveryHashMatches()
    {
        byte[] file = RecordedMatch.Record(ticks: 600, shoot: true);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.Equal(20, verdict.HashesChecked);
    }

    [Fact]
    public void Run_FightWithTheViewTicksLeftOut_Mismatches()
    {
        // The control of the test above: the view ticks change what the shots hit, so a replay needs them.
        byte[] file = RecordedMatch.Record(ticks: 600, (_, input) => input with { Input = input.Input with { ViewTick = 0 } }, shoot: true);

        Assert.Equal(ReplayOutcome.Mismatch, Replayer.Run(file, ReplayGames.Builtin).Outcome);
    }

    [Fact]
    public void Run_Version1File_ReplaysWithoutViewTicks()
    {
        byte[] file = RecordedMatch.AsArenaLayout(RecordedMatch.Record(ticks: 300), version: 1);
        Assert.Equal(1, file[4]);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal("OK: 300 ticks replayed, 10 hashes match.", verdict.Message);
        Assert.Equal(ReplayReader.ArenaLayoutInputFields, verdict.Start!.InputFields);
    }

    [Fact]
    public void Run_Version2FileOfAFight_ReplaysWithItsViewTicks()
    {
        // Version 2 is Arena's layout with view ticks: they decide the lag-compensated shots, so they must survive the mapping.
        byte[] file = RecordedMatch.AsArenaLayout(RecordedMatch.Record(ticks: 600, shoot: true), version: 2);
        Assert.Equal(2, file[4]);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal("OK: 600 ticks replayed, 20 hashes match.", verdict.Message);
    }

    [Fact]
    public void Record_Version3_StepsHoldTheSchemasInputCount()
    {
        byte[] file = RecordedMatch.Record(ticks: 1, players: 2);
        var reader = new ReplayReader(file);
        var kinds = new List<ReplayRecordKind>();
        PlayerInput[] inputs = [];
        while (reader.TryRead(out ReplayRecord record))
        {
            kinds.Add(record.Kind);
            if (record.Kind == ReplayRecordKind.Step)
            {
                inputs = record.Inputs.ToArray();
            }
        }

        Assert.Equal(ReplayFormat.Version, file[4]);
        Assert.Equal(3, file[4]);
        Assert.Equal([ReplayRecordKind.Start, ReplayRecordKind.Join, ReplayRecordKind.Join, ReplayRecordKind.Step, ReplayRecordKind.End], kinds);
        // GameInput's values are an inline array, which record equality cannot compare: Arena's view of them can.
        Assert.Equal([Steering(1, 0.05), Steering(2, 1.05)], inputs.Select(i => (i.PlayerId, ArenaSchema.ToInput(i.Input))));

        // As RecordedMatch steers at tick 1.
        static (uint, InputMessage) Steering(uint player, double angle)
        {
            PlayerInput input = Arena.Input(player, 1, (int)(Math.Cos(angle) * 127), (int)(Math.Sin(angle) * 127), 100);
            return (input.PlayerId, ArenaSchema.ToInput(input.Input));
        }
    }

    [Fact]
    public void Run_UnknownVersion_SaysWhichVersionsAreRead()
    {
        byte[] file = RecordedMatch.Record(ticks: 30);
        file[4] = 4;

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal("The file is replay version 4; this server reads versions 1 to 3.", verdict.Message);
    }

    [Fact]
    public void Run_Version3StartWithoutTheInputCount_NamesTheRecord()
    {
        ReplayStart start = ArenaStart(inputFields: 4);
        byte[] file = [.. ReplayFormat.Header, .. RecordedMatch.StartRecord(start, withInputFields: false)];

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal("Record 1 at byte 5: the Start payload is corrupted (7 fields where 8 belong).", verdict.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Run_InputCountOutOfRange_NamesTheRecord(int inputFields)
    {
        byte[] file = [.. ReplayFormat.Header, .. RecordedMatch.StartRecord(ArenaStart(inputFields), withInputFields: true)];

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal($"Record 1 at byte 5: the Start payload is corrupted ({inputFields} values per input, where a game has 0 to 8).", verdict.Message);
    }

    [Fact]
    public void Run_StepOfAnotherInputCount_NamesTheRecordAndItsOffset()
    {
        // Three inputs of 3 values, 7 numbers each, after a Start that announced 4 values (8 numbers) per input.
        var encoder = new ReplayRecordEncoder();
        var other = new ReplayRecordEncoder();
        other.Start(ArenaStart(inputFields: 3));
        byte[] head = [.. ReplayFormat.Header, .. encoder.Start(ArenaStart(inputFields: 4))];
        byte[] file = [.. head, .. other.Step(1, [Arena.Input(1, 1, 1, 1, 1), Arena.Input(2, 1, 1, 1, 1), Arena.Input(3, 1, 1, 1, 1)])];

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal($"Record 2 at byte {head.Length}: the Step payload is corrupted (22 numbers, not a tick and 8 per input).", verdict.Message);
    }

    [Fact]
    public void Encoder_StepBeforeStartOrCountOutOfRange_Throws()
    {
        var encoder = new ReplayRecordEncoder();

        Assert.Throws<InvalidOperationException>(() => encoder.Step(1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Start(ArenaStart(inputFields: 9)));
    }

    [Theory]
    [InlineData(95u, 120u)]
    [InlineData(90u, 90u)]
    [InlineData(35u, 60u)]
    public void Run_OneInputTampered_MismatchAtTheFirstHashAfterIt(uint tamperedTick, uint reportedTick)
    {
        byte[] file = RecordedMatch.Record(ticks: 300, (tick, input) =>
            tick == tamperedTick && input.PlayerId == 2 ? input with { Input = ArenaSchema.ToInput(input.Input) with { MoveX = (sbyte)-input.Input.Values[0], MoveY = (sbyte)-input.Input.Values[1] } } : input);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Mismatch, verdict.Outcome);
        Assert.Equal(reportedTick, verdict.Tick);
        Assert.StartsWith($"MISMATCH at tick {reportedTick}: hash ", verdict.Message);
    }

    [Fact]
    public void Run_SimulationThrows_FailedAtThatTick()
    {
        byte[] file = RecordedMatch.Record(ticks: 90);

        ReplayVerdict verdict = Replayer.Run(file, [new FaultyArena(failingTick: 50)]);

        Assert.Equal(ReplayOutcome.Failed, verdict.Outcome);
        Assert.Equal(50u, verdict.Tick);
        Assert.Equal("FAILED at tick 50: the simulation threw IndexOutOfRangeException: Index was outside the bounds of the array.", verdict.Message);
    }

    [Fact]
    public void Run_Truncated_OneClearError()
    {
        byte[] file = RecordedMatch.Record(ticks: 60);

        ReplayVerdict verdict = Replayer.Run(file.AsMemory(0, file.Length - 3), ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Matches(@"^Record \d+ at byte \d+: the file ends inside the record \(\d+ payload bytes announced, \d+ left\): it is truncated\.$", verdict.Message);
    }

    [Fact]
    public void Run_EveryTruncation_UnreadableNeverThrows()
    {
        byte[] file = RecordedMatch.Record(ticks: 40, players: 2);

        for (int length = 0; length < file.Length; length++)
        {
            ReplayVerdict verdict = Replayer.Run(file.AsMemory(0, length), ReplayGames.Builtin);
            Assert.True(verdict.Outcome == ReplayOutcome.Unreadable, $"A file cut at {length} bytes: {verdict.Message}");
            Assert.DoesNotContain(Environment.NewLine, verdict.Message);
        }
    }

    [Fact]
    public void Run_EveryByteFlipped_AVerdictNeverAnException()
    {
        byte[] file = RecordedMatch.Record(ticks: 40, players: 2);

        for (int at = 0; at < file.Length; at++)
        {
            byte[] corrupted = (byte[])file.Clone();
            corrupted[at] ^= 0xA5;
            ReplayVerdict verdict = Replayer.Run(corrupted, ReplayGames.Builtin);
            Assert.DoesNotContain(Environment.NewLine, verdict.Message);
        }
    }

    [Fact]
    public void Run_RecordKindCorrupted_NamesTheRecordAndItsOffset()
    {
        byte[] file = RecordedMatch.Record(ticks: 60);
        int second = FindRecordOffset(file, index: 2);
        file[second] = 0x7F;

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal($"Record 2 at byte {second}: its kind is 127, which is no kind of record: the file is corrupted.", verdict.Message);
    }

    [Fact]
    public void Run_NotAReplay_SaysSo()
    {
        ReplayVerdict verdict = Replayer.Run("{\"not\": \"a replay\"}"u8.ToArray(), ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal("The file does not start with \"GSRP\": it is not a replay file.", verdict.Message);
    }

    [Fact]
    public void Run_StepCallback_SeesEveryTick()
    {
        byte[] file = RecordedMatch.Record(ticks: 45);
        var ticks = new List<uint>();

        Replayer.Run(file, ReplayGames.Builtin, match => ticks.Add(match.Tick));

        Assert.Equal(Enumerable.Range(1, 45).Select(t => (uint)t), ticks);
    }

    [Fact]
    public void ReadStartAndEnd_HeadAndTail_WithoutTheMiddle()
    {
        byte[] file = RecordedMatch.Record(ticks: 90);

        (ReplayStart start, ReplayEnd end) = ReplayReader.ReadStartAndEnd(file.AsMemory(0, 1024), file.AsMemory(file.Length - ReplayFormat.EndRecordLength));

        Assert.Equal(4u, start.MatchId);
        Assert.Equal("arena", start.Game);
        Assert.Equal(new ReplayEnd(90, 1_700_000_060_000, ReplayEndReason.MatchEnded, 3), end);
    }

    [Fact]
    public void ReadStartAndEnd_Truncated_SaysSo()
    {
        byte[] file = RecordedMatch.Record(ticks: 90)[..^1];

        ReplayFormatException exception = Assert.Throws<ReplayFormatException>(() =>
            ReplayReader.ReadStartAndEnd(file.AsMemory(0, 1024), file.AsMemory(file.Length - ReplayFormat.EndRecordLength)));

        Assert.Equal("The file does not end with an End record: it is truncated or corrupted.", exception.Message);
    }

    private static ReplayStart ArenaStart(int inputFields)
    {
        var game = new ArenaGame(new ArenaRules());
        return new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, 30, inputFields);
    }

    /// <summary>The offset of the index-th record (1-based), from the format's framing: kind, varint length, payload.</summary>
    private static int FindRecordOffset(byte[] file, int index)
    {
        int offset = ReplayFormat.HeaderLength;
        for (int i = 1; i < index; i++)
        {
            int length = 0;
            int shift = 0;
            int at = offset + 1;
            while (true)
            {
                byte b = file[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
                if (b < 0x80)
                {
                    break;
                }
            }

            offset = at + length;
        }

        return offset;
    }
}
