using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GameServer.Arena.Wire;
using GameServer.Protocol;

namespace GameServer.Benchmarks;

/// <summary>
/// Computing and encoding one tick's delta (and a snapshot) for worlds of a given size: a <see cref="BusyTick"/>.
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
        BusyTick.Create(Entities, _previous, _current);
        var buffer = new ArrayBufferWriter<byte>();
        ArenaFrameWriter.WriteDelta(buffer, _previous, _current);
        _delta = new ReadOnlySequence<byte>(buffer.WrittenMemory.ToArray());
    }

    [Benchmark(Baseline = true)]
    public int ComputeAndEncodeDelta()
    {
        _buffer.ResetWrittenCount();
        ArenaFrameWriter.WriteDelta(_buffer, _previous, _current);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int EncodeSnapshot()
    {
        _buffer.ResetWrittenCount();
        ArenaFrameWriter.WriteSnapshot(_buffer, _current);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public uint ApplyDelta()
    {
        _client.CopyFrom(_previous);
        ArenaMessageReader.TryRead(_delta, _client, out ServerMessage message, out _);
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
