using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using GameServer.Arena.Wire;
using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol.Schema;
using GameServer.Simulation;
using GameServer.Transport;
using GameServer.Transport.Epoll;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GameServer.Benchmarks;

/// <summary>
/// One tick's fan-out over real loopback sockets, through each transport: a delta framed once into a shared frame and
/// handed to every player's sender, until the clients have read every byte. Measures the server's whole send path
/// (and the clients' reads, the same for both) beyond the simulation. Protocol v2 twice: its shared bytes to all (no
/// acks, the floor), and as the server sends it, each player a pooled copy with its own 5-byte ack written in.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private readonly WorldState _previous = new();
    private readonly WorldState _current = new();
    private readonly List<IDisposable> _resources = [];
    private SchemaStateWriter _schemaWriter = null!;
    private SchemaWorld _schemaPrevious = null!;
    private SchemaWorld _schemaCurrent = null!;
    private IFrameSender[] _senders = [];
    private long _received;
    private long _expected;
    private volatile bool _stopping;

    [Params(16, 64)]
    public int Connections { get; set; }

    [Params(GameTransport.Lean, GameTransport.Kestrel)]
    public GameTransport Transport { get; set; }

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

        GameSchema schema = ArenaSchema.For(new ArenaRules());
        _schemaWriter = new SchemaStateWriter(schema);
        _schemaPrevious = new SchemaWorld(schema);
        _schemaCurrent = new SchemaWorld(schema);
        ArenaStateAdapter.ToSchema(_previous, _schemaPrevious);
        ArenaStateAdapter.ToSchema(_current, _schemaCurrent);

        ServiceProvider provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _resources.Add(provider);
        var services = new GatewayServices(null!, null!, new ResumeDirectory(), null!, Options.Create(new GatewayOptions { Transport = Transport }),
            new GatewayMetrics(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), TimeProvider.System,
            NullLogger<PlayerConnection>.Instance);

        var keepAlive = new KeepAliveSweep(Options.Create(services.Options), TimeProvider.System);
        _resources.Add(keepAlive);
        var loop = new EpollLoop("bench-epoll", ex => throw ex);
        _resources.Add(loop);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(Connections);
        _senders = new IFrameSender[Connections];
        for (int i = 0; i < Connections; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint!);
            Socket server = listener.Accept();
            _resources.Add(client);
            _resources.Add(server);
            new Thread(() => Drain(client)) { IsBackground = true }.Start();
            _senders[i] = Start(server, services, keepAlive, loop);
        }
    }

    [Benchmark(Baseline = true)]
    public void FrameOnceAndSendToAll()
    {
        SharedFrame delta = SharedFrame.Rent(1024);
        delta.Append((_previous, _current), static (writer, worlds) => ArenaFrameWriter.WriteDelta(writer, worlds._previous, worlds._current));
        SendToAll(delta);
    }

    [Benchmark]
    public void V2FrameOnceAndSendToAll()
    {
        SharedFrame delta = SharedFrame.Rent(1024);
        delta.Append(this, static (writer, b) => b._schemaWriter.WriteDelta(writer, b._schemaPrevious, b._schemaCurrent, 0));
        SendToAll(delta);
    }

    [Benchmark]
    public void V2FrameOnceAndSendEachItsAck()
    {
        SharedFrame delta = SharedFrame.Rent(1024);
        delta.Append(this, static (writer, b) => b._schemaWriter.WriteDelta(writer, b._schemaPrevious, b._schemaCurrent, 0));
        int ackOffset = delta.Length - (SchemaStateWriter.AckBytes - 1);
        long target = Interlocked.Add(ref _expected, (long)delta.Length * Connections);
        uint ack = 1;
        foreach (IFrameSender sender in _senders)
        {
            SharedFrame own = delta.WithUInt32At(ackOffset, ack++);
            sender.TrySend(own);
            own.Release();
        }

        delta.Release();
        WaitUntilRead(target);
    }

    private void SendToAll(SharedFrame delta)
    {
        // Both transports put the same bytes on the wire: the frames as they were framed once.
        long target = Interlocked.Add(ref _expected, (long)delta.Length * Connections);
        foreach (IFrameSender sender in _senders)
        {
            sender.TrySend(delta);
        }

        delta.Release();
        WaitUntilRead(target);
    }

    private void WaitUntilRead(long target)
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref _received) < target)
        {
            spin.SpinOnce();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        foreach (IFrameSender sender in _senders)
        {
            sender.Abort();
        }

        foreach (IDisposable resource in _resources)
        {
            resource.Dispose();
        }
    }

    private static IFrameSender Start(Socket server, GatewayServices services, KeepAliveSweep keepAlive, EpollLoop loop)
    {
        if (services.Options.Transport == GameTransport.Lean)
        {
            var game = new GameSocket(new EpollSocket(server, loop), services, keepAlive);
            game.Start(new PlayerConnection(game, "bench", services), []);
            return game;
        }

        var managed = new ManagedWebSocketTransport(WebSocket.CreateFromStream(new NetworkStream(server, ownsSocket: false),
            new WebSocketCreationOptions { IsServer = true }), services.Options.OutboundQueueFrames, services.Metrics);
        managed.Start(new PlayerConnection(managed, "bench", services), CancellationToken.None);
        return managed;
    }

    private void Drain(Socket client)
    {
        byte[] buffer = new byte[64 * 1024];
        while (!_stopping)
        {
            int read;
            try
            {
                read = client.Receive(buffer);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (read == 0)
            {
                return;
            }

            Interlocked.Add(ref _received, read);
        }
    }
}
