using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;

namespace GameServer.Benchmarks;

/// <summary>
/// The v2 schema codec against v1's DeltaCodec on the same <see cref="BusyTick"/> worlds: encoding a delta (alone, and
/// with the copy from Arena's world that the host will do each tick) and applying it on a client.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SchemaDeltaBenchmarks : IPayloadSize
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly WorldState _previous = new();
    private readonly WorldState _current = new();
    private readonly WorldState _client = new();
    private SchemaStateWriter _writer = null!;
    private SchemaStateReader _reader = null!;
    private SchemaWorld _schemaPrevious = null!;
    private SchemaWorld _schemaCurrent = null!;
    private SchemaWorld _schemaClient = null!;
    private ReadOnlySequence<byte> _v1Delta;
    private ReadOnlySequence<byte> _v2Delta;

    [Params(64)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        GameSchema schema = ArenaSchema.For(new ArenaRules());
        _writer = new SchemaStateWriter(schema);
        _reader = new SchemaStateReader(schema);
        _schemaPrevious = new SchemaWorld(schema);
        _schemaCurrent = new SchemaWorld(schema);
        _schemaClient = new SchemaWorld(schema);
        BusyTick.Create(Entities, _previous, _current);
        ArenaStateAdapter.ToSchema(_previous, _schemaPrevious);
        ArenaStateAdapter.ToSchema(_current, _schemaCurrent);

        var buffer = new ArrayBufferWriter<byte>();
        ArenaFrameWriter.WriteDelta(buffer, _previous, _current);
        _v1Delta = new ReadOnlySequence<byte>(buffer.WrittenMemory.ToArray());
        buffer.Clear();
        _writer.WriteDelta(buffer, _schemaPrevious, _schemaCurrent);
        _v2Delta = new ReadOnlySequence<byte>(buffer.WrittenMemory.ToArray());
    }

    [Benchmark(Baseline = true)]
    public int V1EncodeDelta()
    {
        _buffer.ResetWrittenCount();
        ArenaFrameWriter.WriteDelta(_buffer, _previous, _current);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int V2EncodeDelta()
    {
        _buffer.ResetWrittenCount();
        _writer.WriteDelta(_buffer, _schemaPrevious, _schemaCurrent);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int V2AdaptAndEncodeDelta()
    {
        ArenaStateAdapter.ToSchema(_current, _schemaCurrent);
        _buffer.ResetWrittenCount();
        _writer.WriteDelta(_buffer, _schemaPrevious, _schemaCurrent);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public uint V1ApplyDelta()
    {
        _client.CopyFrom(_previous);
        ArenaMessageReader.TryRead(_v1Delta, _client, out ServerMessage message, out _);
        return message.Tick;
    }

    [Benchmark]
    public uint V2ApplyDelta()
    {
        _schemaClient.CopyFrom(_schemaPrevious);
        _reader.TryRead(_v2Delta, _schemaClient, out _, out _);
        return _schemaClient.Tick;
    }

    public int PayloadBytes(string benchmarkMethod)
    {
        Setup();
        return (int)(benchmarkMethod.StartsWith("V1", StringComparison.Ordinal) ? _v1Delta.Length : _v2Delta.Length);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PayloadSizeColumn());
    }
}
