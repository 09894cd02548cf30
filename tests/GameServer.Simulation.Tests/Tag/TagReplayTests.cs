using GameServer.Simulation.Replays;
using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagReplayTests
{
    [Fact]
    public void Create_FromItsOwnSettings_PlaysByTheSameRules()
    {
        var rules = new TagRules { RunnerSpeed = 100, ItSpeedPercent = 150, ImmunityTicks = 7 };
        var game = new TagGame(rules);

        var match = (TagMatch)game.Create(3, 1, game.Settings);

        Assert.Equal("tag", game.Name);
        Assert.Equal(3u, match.Id);
        Assert.Equal(150, match.Schema.Fields[TagSchema.Vx].Max);
        Assert.Throws<ArgumentException>(() => game.Create(1, 1, "{\"RunnerSpeed\":0}"u8));
        Assert.Throws<ArgumentException>(() => game.Create(1, 1, "not json"u8));
    }

    [Fact]
    public void Run_RecordedTagMatch_EveryHashMatchesWithTheBuiltinGames()
    {
        byte[] file = Record(ticks: 600);

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal("OK: 600 ticks replayed, 20 hashes match.", verdict.Message);
        Assert.Equal(2, verdict.Start!.InputFields);
    }

    [Theory]
    [InlineData(95u, 120u)]
    [InlineData(90u, 90u)]
    [InlineData(35u, 60u)]
    public void Run_OneTagInputTampered_MismatchAtTheFirstHashAfterIt(uint tamperedTick, uint reportedTick)
    {
        // moveY, Tag's second value: the recording keeps every value of the game's input, not Arena's layout.
        byte[] file = Record(ticks: 300, (tick, input) =>
        {
            if (tick != tamperedTick || input.PlayerId != 2)
            {
                return input;
            }

            InputValues values = input.Input.Values;
            values[TagSchema.MoveY] = values[TagSchema.MoveY] > 0 ? -127 : 127;
            return input with { Input = input.Input with { Values = values } };
        });

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Mismatch, verdict.Outcome);
        Assert.Equal(reportedTick, verdict.Tick);
        Assert.StartsWith($"MISMATCH at tick {reportedTick}: hash ", verdict.Message);
    }

    [Fact]
    public void Run_TagRecordingWithArenasInputCount_UnreadableNamingBoth()
    {
        var game = new TagGame(TagPlay.QuickRules());
        var encoder = new ReplayRecordEncoder();
        byte[] file = [.. ReplayFormat.Header, .. encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, 30, InputFields: 4))];

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);

        Assert.Equal(ReplayOutcome.Unreadable, verdict.Outcome);
        Assert.Equal("Record 1 (Start): the recording has 4 values per input; tag's inputs have 2.", verdict.Message);
    }

    /// <summary>
    /// Four scripted players in a Tag match recorded as the host records it (each Step's inputs before it runs, a hash
    /// every 30 ticks); a tamper changes what is written, not what is played.
    /// </summary>
    private static byte[] Record(int ticks, Func<uint, PlayerInput, PlayerInput>? tamper = null)
    {
        var game = new TagGame(TagPlay.QuickRules());
        var match = (TagMatch)game.Create(4, 42, game.Settings);
        var encoder = new ReplayRecordEncoder();
        using var file = new MemoryStream();
        file.Write(ReplayFormat.Header);
        file.Write(encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, 30, match.Schema.Input.Count)));
        var ids = new List<uint>();
        for (int i = 1; i <= 4; i++)
        {
            ids.Add(match.AddPlayer("p" + i));
            file.Write(encoder.Join(match.Tick, ids[^1], "p" + i));
        }

        var bots = new TagBots(match.Schema, ids.Count, seed: 42);
        var written = new PlayerInput[ids.Count];
        for (uint tick = 1; tick <= ticks; tick++)
        {
            ReadOnlySpan<PlayerInput> inputs = bots.InputsFor(match, ids);
            for (int i = 0; i < inputs.Length; i++)
            {
                written[i] = tamper is null ? inputs[i] : tamper(tick, inputs[i]);
            }

            file.Write(encoder.Step(tick, written.AsSpan(0, inputs.Length)));
            match.Step(inputs);
            if (tick % 30 == 0)
            {
                file.Write(encoder.Hash(tick, match.ComputeHash()));
            }
        }

        file.Write(encoder.End(new ReplayEnd((uint)ticks, 1_700_000_060_000, ReplayEndReason.MatchEnded, ids.Count)));
        return file.ToArray();
    }
}
