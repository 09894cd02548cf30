using System.Diagnostics.Metrics;
using GameServer.Arena.Wire;
using GameServer.Protocol.Schema;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Tag;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Replays;

public sealed class MatchRecorderTests : IDisposable
{
    private const int Players = 16;

    private static readonly GameSchema s_arena = ArenaSchema.For(new ArenaRules());

    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly WorldState _world = new();

    // Made once, as the host makes it: a delegate per step would be this test's own allocation.
    private readonly Func<ulong> _hash;
    private readonly PlayerInput[] _inputs = new PlayerInput[Players];
    private readonly ReplayRecorders _recorders;
    private uint _tick;

    public MatchRecorderTests()
    {
        _recorders = new ReplayRecorders(Options.Create(new ReplayOptions { MaxBytesPerMatch = 1L << 30 }), [new ArenaGame(new ArenaRules())],
            new ReplayMetrics(_provider.GetRequiredService<IMeterFactory>()), TimeProvider.System);
        _hash = _world.ComputeHash;
        for (uint id = 1; id <= Players; id++)
        {
            _world.Append(new EntityState { Id = id, Kind = EntityKind.Player, Name = "p" + id, Health = 100, Flags = EntityFlags.Alive });
        }
    }

    [Fact]
    public void Stepping_SteadyStateWithTheWriterDraining_AllocatesNothing()
    {
        MatchRecorder recorder = _recorders.Start(s_arena, 1, 7, tickRate: 30)!;
        Run(recorder, ticks: 3_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(recorder, ticks: 3_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.False(recorder.Stopped);
    }

    [Fact]
    public void Stepping_WriterFarBehind_GivesUpAndTellsTheWriterOnceItHasRoom()
    {
        MatchRecorder recorder = _recorders.Start(s_arena, 1, 7, tickRate: 30)!;
        for (int i = 0; i < 1_000_000 && !recorder.Stopped; i++)
        {
            Step(recorder);
        }

        var kinds = new List<ReplayChunkKind>();
        while (_recorders.Chunks.TryRead(out ReplayChunk chunk))
        {
            kinds.Add(chunk.Kind);
        }

        Step(recorder);
        recorder.Ended();
        Assert.True(_recorders.Chunks.TryRead(out ReplayChunk last));
        Assert.False(_recorders.Chunks.TryRead(out _));

        Assert.True(recorder.Stopped);
        Assert.Equal(ReplayRecorders.QueueChunks, kinds.Count);
        Assert.All(kinds, kind => Assert.Equal(ReplayChunkKind.Data, kind));
        Assert.Equal(ReplayChunkKind.Abandoned, last.Kind);
    }

    [Fact]
    public void Start_AGameNoReplayableGameNames_NoRecorder()
    {
        Assert.Null(_recorders.Start(TagSchema.For(new TagRules()), 1, 7, tickRate: 30));
    }

    [Fact]
    public void Constructor_TwoGamesOfOneName_Throws()
    {
        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => new ReplayRecorders(Options.Create(new ReplayOptions()),
            [new ArenaGame(new ArenaRules()), new ArenaGame(new ArenaRules())], new ReplayMetrics(_provider.GetRequiredService<IMeterFactory>()), TimeProvider.System));

        Assert.Equal("Two replayable games are named \"arena\": a replay could not say which it is of.", exception.Message);
    }

    public void Dispose() => _provider.Dispose();

    /// <summary>Ticks as the host does with an input per player per tick, and returns chunks to the pool as the writer would.</summary>
    private void Run(MatchRecorder recorder, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            Step(recorder);
            while (_recorders.Chunks.TryRead(out ReplayChunk chunk))
            {
                _recorders.Pool.Return(chunk.Buffer!);
            }
        }
    }

    private void Step(MatchRecorder recorder)
    {
        _tick++;
        for (int p = 0; p < Players; p++)
        {
            _inputs[p] = new PlayerInput((uint)p + 1, new InputMessage(_tick, _tick - 2, (sbyte)(_tick + p), -90, (ushort)(_tick * 37), Buttons.Fire));
        }

        recorder.Stepping(_tick, _inputs);
        _world.Tick = _tick;
        recorder.Stepped(_tick, _hash);
    }
}
