using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GameServer.Protocol;

namespace GameServer.Benchmarks;

/// <summary>
/// Computing and encoding one tick's delta (and a snapshot) for worlds of a given size. The next world moves every
/// entity, changes some health and scores, removes two entities and spawns two: a busy tick of Arena.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class DeltaBenchmarks : IPayloadSize
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly WorldState _previous = new();
    private readonly WorldState _current = new();
    private readonly WorldState _client = new();
    private ReadOnlySequence<byte> _delta;

    [Params(16, 64, 256, 1024)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _previous.Clear();
        _previous.Tick = 1000;
        _previous.Phase = MatchPhase.Running;
        _previous.PhaseTicksLeft = 9000;
        for (uint id = 1; id <= Entities; id++)
        {
            _previous.Append(new EntityState
            {
                Id = id, Kind = id % 2 == 0 ? EntityKind.Player : EntityKind.Projectile, Name = id % 2 == 0 ? "player" + id : null,
                X = (int)(id * 97 % 32000), Y = (int)(id * 61 % 19000), Vx = 40, Vy = -12, Aim = (ushort)(id * 1000), Health = 100,
                Flags = EntityFlags.Alive, LastInputSequence = id * 10,
            });
        }

        _current.CopyFrom(_previous);
        _current.Tick++;
        _current.PhaseTicksLeft--;
        foreach (ref EntityState e in _current.EntitiesMutable)
        {
            e.X += e.Vx;
            e.Y += e.Vy;
            if (e.Kind == EntityKind.Player)
            {
                e.LastInputSequence++;
                if (e.Id % 8 == 0) e.Health -= 20;
                if (e.Id % 16 == 0) e.Score += 10;
            }
        }

        _current.RemoveAt(0);
        _current.RemoveAt(0);
        _current.Append(new EntityState { Id = (uint)Entities + 1, Kind = EntityKind.Projectile, X = 100, Y = 100, Vx = 300, Aux = 2 });
        _current.Append(new EntityState { Id = (uint)Entities + 2, Kind = EntityKind.Projectile, X = 200, Y = 100, Vx = -300, Aux = 4 });

        var buffer = new ArrayBufferWriter<byte>();
        FrameWriter.WriteDelta(buffer, _previous, _current);
        _delta = new ReadOnlySequence<byte>(buffer.WrittenMemory.ToArray());
    }

    [Benchmark(Baseline = true)]
    public int ComputeAndEncodeDelta()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WriteDelta(_buffer, _previous, _current);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int EncodeSnapshot()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WriteSnapshot(_buffer, _current);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public uint ApplyDelta()
    {
        _client.CopyFrom(_previous);
        ServerMessageReader.TryRead(_delta, _client, out ServerMessage message, out _);
        return message.Tick;
    }

    public int PayloadBytes(string benchmarkMethod)
    {
        Setup();
        if (benchmarkMethod == nameof(EncodeSnapshot))
        {
            EncodeSnapshot();
            return _buffer.WrittenCount;
        }

        return (int)_delta.Length;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PayloadSizeColumn());
    }
}
