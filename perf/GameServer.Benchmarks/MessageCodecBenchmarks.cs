using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GameServer.Arena.Wire;
using GameServer.Protocol;

namespace GameServer.Benchmarks;

/// <summary>Encode and decode of each small message: what a connection pays per frame.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MessageCodecBenchmarks : IPayloadSize
{
    private static readonly ResumeToken s_token = new(0x0011223344556677, 0x8899aabbccddeeff);
    private static readonly JoinMessage s_join = new("Ada", 7, s_token);
    private static readonly InputMessage s_input = new(42, 1000, 127, -90, 16384, Buttons.Fire);
    private static readonly WelcomeMessage s_welcome = new(1, 3, 7, 30, 1000, s_token);
    private static readonly GameEvent s_event = new(1001, GameEventKind.Kill, 3, 5, 0);

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly WorldState _world = new();
    private readonly int[] _inputValues = new int[InputMessage.Layout.Fields.Count];
    private ReadOnlySequence<byte> _join;
    private ReadOnlySequence<byte> _input;
    private ReadOnlySequence<byte> _ping;
    private ReadOnlySequence<byte> _welcome;
    private ReadOnlySequence<byte> _pong;
    private ReadOnlySequence<byte> _event;

    [GlobalSetup]
    public void Setup()
    {
        _join = Encode(w => FrameWriter.WriteJoin(w, s_join));
        _input = Encode(w => ArenaFrameWriter.WriteInput(w, s_input));
        _ping = Encode(w => FrameWriter.WritePing(w, new PingMessage(123456)));
        _welcome = Encode(w => FrameWriter.WriteWelcome(w, s_welcome));
        _pong = Encode(w => FrameWriter.WritePong(w, new PongMessage(123456, 1001)));
        _event = Encode(w => FrameWriter.WriteEvent(w, s_event));
    }

    [Benchmark]
    public int EncodeInput()
    {
        _buffer.ResetWrittenCount();
        ArenaFrameWriter.WriteInput(_buffer, s_input);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public MessageType DecodeInput() => ReadClient(_input);

    [Benchmark]
    public int EncodeJoin()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WriteJoin(_buffer, s_join);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public MessageType DecodeJoin() => ReadClient(_join);

    [Benchmark]
    public MessageType DecodePing() => ReadClient(_ping);

    [Benchmark]
    public int EncodePong()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WritePong(_buffer, new PongMessage(123456, 1001));
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public MessageType DecodePong() => ReadServer(_pong);

    [Benchmark]
    public int EncodeWelcome()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WriteWelcome(_buffer, s_welcome);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public MessageType DecodeWelcome() => ReadServer(_welcome);

    [Benchmark]
    public int EncodeEvent()
    {
        _buffer.ResetWrittenCount();
        FrameWriter.WriteEvent(_buffer, s_event);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public MessageType DecodeEvent() => ReadServer(_event);

    public int PayloadBytes(string benchmarkMethod)
    {
        Setup();
        return (int)(benchmarkMethod switch
        {
            nameof(EncodeInput) or nameof(DecodeInput) => _input.Length,
            nameof(EncodeJoin) or nameof(DecodeJoin) => _join.Length,
            nameof(DecodePing) => _ping.Length,
            nameof(EncodePong) or nameof(DecodePong) => _pong.Length,
            nameof(EncodeWelcome) or nameof(DecodeWelcome) => _welcome.Length,
            _ => _event.Length,
        });
    }

    private static ReadOnlySequence<byte> Encode(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return new ReadOnlySequence<byte>(buffer.WrittenMemory);
    }

    private MessageType ReadClient(ReadOnlySequence<byte> frame)
    {
        ClientMessageReader.TryRead(frame, InputMessage.Layout, _inputValues, out ClientMessage message, out _);
        return message.Type;
    }

    private MessageType ReadServer(ReadOnlySequence<byte> frame)
    {
        ArenaMessageReader.TryRead(frame, _world, out ServerMessage message, out _);
        return message.Type;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PayloadSizeColumn());
    }
}
