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

    // Step records keep Arena's eight input numbers; Tag's moveX and moveY are its first two values, as Arena's are, so they survive.
    [Fact]
    public void Run_RecordedTagMatch_EveryHashMatchesWithTheBuiltinGames()
    {
        var game = new TagGame(TagPlay.QuickRules());
        var match = (TagMatch)game.Create(4, 42, game.Settings);
        var encoder = new ReplayRecordEncoder();
        using var file = new MemoryStream();
        file.Write(ReplayFormat.Header);
        file.Write(encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, 30)));
        var ids = new List<uint>();
        for (int i = 1; i <= 4; i++)
        {
            ids.Add(match.AddPlayer("p" + i));
            file.Write(encoder.Join(match.Tick, ids[^1], "p" + i));
        }

        var bots = new TagBots(match.Schema, ids.Count, seed: 42);
        for (uint tick = 1; tick <= 600; tick++)
        {
            ReadOnlySpan<PlayerInput> inputs = bots.InputsFor(match, ids);
            file.Write(encoder.Step(tick, inputs));
            match.Step(inputs);
            if (tick % 30 == 0)
            {
                file.Write(encoder.Hash(tick, match.ComputeHash()));
            }
        }

        file.Write(encoder.End(new ReplayEnd(600, 1_700_000_060_000, ReplayEndReason.MatchEnded, 4)));

        ReplayVerdict verdict = Replayer.Run(file.ToArray(), ReplayGames.Builtin);

        Assert.Equal("OK: 600 ticks replayed, 20 hashes match.", verdict.Message);
    }
}
