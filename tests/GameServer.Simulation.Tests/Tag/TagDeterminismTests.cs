using GameServer.Protocol.Schema;
using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagDeterminismTests
{
    [Fact]
    public void Step_SameSeedAndInputs_SameHashEveryTick()
    {
        List<ulong> first = Run(matchSeed: 7, botSeed: 99);
        List<ulong> second = Run(matchSeed: 7, botSeed: 99);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Step_DifferentSeed_DifferentHashes()
    {
        List<ulong> first = Run(matchSeed: 7, botSeed: 99);
        List<ulong> other = Run(matchSeed: 8, botSeed: 99);

        Assert.NotEqual(first[^1], other[^1]);
    }

    [Fact]
    public void StepAndWriteState_SteadyState_AllocateNothing()
    {
        var match = new TagMatch(1, 3, TagPlay.QuickRules());
        var ids = new List<uint>();
        for (int p = 0; p < 16; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new TagBots(match.Schema, ids.Count, seed: 3);
        var state = new SchemaWorld(match.Schema);
        long allocated = 0;
        int tags = 0;
        for (int tick = 0; tick < 2_000; tick++)
        {
            ReadOnlySpan<PlayerInput> inputs = bots.InputsFor(match, ids);
            long before = GC.GetAllocatedBytesForCurrentThread();
            match.ClearEvents();
            match.Step(inputs);
            match.WriteState(state);
            match.ComputeHash();
            foreach (GameEvent e in match.Events)
            {
                tags += e.Kind == GameEventKind.Kill ? 1 : 0;
            }

            // The first ticks size the event list (and the JIT settles); then nothing.
            if (tick >= 500)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        Assert.Equal(MatchPhase.Running, match.Phase);
        Assert.True(tags > 0, "The bots should tag someone.");
        Assert.Equal(0, allocated);
    }

    /// <summary>A default-rules match of 6 scripted bots from start to close, with one leaving and one joining: its hash after every tick.</summary>
    private static List<ulong> Run(ulong matchSeed, int botSeed)
    {
        var match = new TagMatch(1, matchSeed, new TagRules());
        var ids = new List<uint>();
        for (int p = 0; p < 6; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new TagBots(match.Schema, 8, botSeed);
        var hashes = new List<ulong>();
        while (!match.IsClosed)
        {
            if (match.Tick == 1_000)
            {
                match.RemovePlayer(ids[0]);
                ids.RemoveAt(0);
                ids.Add(match.AddPlayer("late"));
            }

            match.Step(bots.InputsFor(match, ids));
            hashes.Add(match.ComputeHash());
        }

        return hashes;
    }
}
