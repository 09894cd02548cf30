using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Benchmarks;

/// <summary>
/// One tick's fan-out, through each send path: a delta encoded once into a shared frame, queued on every player's sender, and sent by each
/// sender's loop through a real WebSocket (over a stream that discards the bytes, so the kernel is left out).
/// Measures what the server pays per tick and match beyond the simulation.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private readonly WorldState _previous = new();
    private readonly WorldState _current = new();
    private IFrameSender[] _senders = [];
    private WebSocket[] _sockets = [];
    private int _sent;

    [Params(16, 64)]
    public int Connections { get; set; }

    [Params(SendPath.Channel, SendPath.Inline)]
    public SendPath Path { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (uint id = 1; id <= Connections; id++)
        {
            _previous.Append(new EntityState { Id = id, Kind = EntityKind.Player, Name = "p" + id, X = (int)id * 100, Health = 100, Flags = EntityFlags.Alive });
        }

        _current.CopyFrom(_previous);
        _current.Tick++;
        foreach (ref EntityState e in _current.EntitiesMutable)
        {
            e.X += 40;
            e.LastInputSequence++;
        }

        _sockets = new WebSocket[Connections];
        _senders = new IFrameSender[Connections];
        for (int i = 0; i < Connections; i++)
        {
            _sockets[i] = WebSocket.CreateFromStream(Stream.Null, new WebSocketCreationOptions { IsServer = true });
            Action<int> onSent = _ => Interlocked.Increment(ref _sent);
            _senders[i] = Path == SendPath.Inline
                ? new InlineFrameSender(_sockets[i], capacity: 32, onSent)
                : new ChannelFrameSender(_sockets[i], capacity: 32, onSent);
        }
    }

    [Benchmark]
    public void EncodeOnceAndSendToAll()
    {
        int target = Volatile.Read(ref _sent) + Connections;
        SharedFrame delta = SharedFrame.Rent(1024);
        FrameWriter.WriteDelta(delta, _previous, _current);
        foreach (IFrameSender sender in _senders)
        {
            sender.TrySend(delta);
        }

        delta.Release();
        var spin = default(SpinWait);
        while (Volatile.Read(ref _sent) < target)
        {
            spin.SpinOnce();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (IFrameSender sender in _senders)
        {
            sender.Close(WebSocketCloseStatus.NormalClosure, string.Empty);
        }

        foreach (WebSocket socket in _sockets)
        {
            socket.Dispose();
        }
    }
}
