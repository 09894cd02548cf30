using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;

namespace GameServer.Tests.Infrastructure;

/// <summary>
/// A real ClientWebSocket speaking gameserver.v1 (or gameserver.v2). A background loop decodes every frame, keeps the
/// world in sync by applying snapshots and deltas, and queues each message for the test to await in order. On v2 the
/// schema world is decoded and copied into <see cref="World"/> through Arena's adapter after each state frame, so a
/// test reads both versions' worlds the same way (another game's world, Tag's, only as <see cref="V2"/> decodes it).
/// </summary>
public sealed class TestPlayer : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly Channel<ServerMessage> _messages = Channel.CreateUnbounded<ServerMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ArrayBufferWriter<byte> _out = new(256);
    private Task _receiving = Task.CompletedTask;
    private readonly SchemaMessageReader? _v2;
    private uint _sequence;

    private TestPlayer(ClientWebSocket socket, int version)
    {
        _socket = socket;
        _v2 = version == ProtocolConstants.Version2 ? new SchemaMessageReader() : null;
    }

    /// <summary>On v2, the schema Welcome gave and the world as decoded; null on v1.</summary>
    public SchemaMessageReader? V2 => _v2;

    /// <summary>Copies of the world after each state frame, by tick, once <see cref="RecordWorlds"/> was called.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<uint, WorldState> Recorded { get; } = new();

    private volatile bool _recording;

    /// <summary>From now on, keeps a copy of the world at each tick in <see cref="Recorded"/>, for comparing players tick by tick.</summary>
    public void RecordWorlds() => _recording = true;

    /// <summary>On v2, the ack the last snapshot or delta carried: this player's last input the server applied.</summary>
    public uint Ack => _v2?.Ack ?? 0;

    /// <summary>On v2, the ack of every snapshot and delta read since <see cref="RecordWorlds"/>, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<uint> RecordedAcks { get; } = new();

    /// <summary>The world as this client has reconstructed it.</summary>
    public WorldState World { get; } = new();

    public WelcomeMessage Welcome { get; private set; }

    public ClientWebSocket Socket => _socket;

    /// <summary>How the server closed the connection, once it has.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <param name="query">Appended to the URI, e.g. <c>?ticket=...</c>.</param>
    /// <param name="version">The protocol to offer: 1 (gameserver.v1) or 2 (gameserver.v2).</param>
    public static Task<TestPlayer> ConnectAsync(TestServer server, bool read = true, string query = "", int version = ProtocolConstants.Version) =>
        ConnectAsync(server.WebSocketUri, read, query, version);

    /// <param name="webSocketUri">The server's <c>/ws</c>, for a server that is not a <see cref="TestServer"/> (a process of its own), or a URL as POST /matchmaking gives one, seat and all.</param>
    /// <param name="query">Appended to the URI, e.g. <c>?ticket=...</c>.</param>
    /// <param name="version">The protocol to offer: 1 (gameserver.v1) or 2 (gameserver.v2).</param>
    /// <param name="invoker">The HTTP client to connect with, e.g. one with small socket buffers; null for the default.</param>
    public static async Task<TestPlayer> ConnectAsync(Uri webSocketUri, bool read = true, string query = "", int version = ProtocolConstants.Version, HttpMessageInvoker? invoker = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version == ProtocolConstants.Version2 ? ProtocolConstants.SubProtocolV2 : ProtocolConstants.SubProtocol);
        await socket.ConnectAsync(new Uri(webSocketUri + query), invoker, CancellationToken.None);
        var player = new TestPlayer(socket, version);
        if (read)
        {
            player.StartReading();
        }

        return player;
    }

    /// <summary>Starts reading what the server sends, for a player connected without reading.</summary>
    public void StartReading() => _receiving = ReceiveLoopAsync();

    /// <summary>Connects and joins; returns once Welcome and the first Snapshot have arrived.</summary>
    /// <param name="game">The game a quick join asks for; null for the server's default.</param>
    public static Task<TestPlayer> JoinAsync(TestServer server, string name, uint? matchId = null, int version = ProtocolConstants.Version, string? game = null) =>
        JoinAsync(server.WebSocketUri, name, matchId, version, game);

    /// <summary>Connects to <paramref name="webSocketUri"/> and joins; returns once Welcome and the first Snapshot have arrived.</summary>
    public static async Task<TestPlayer> JoinAsync(Uri webSocketUri, string name, uint? matchId = null, int version = ProtocolConstants.Version, string? game = null)
    {
        TestPlayer player = await ConnectAsync(webSocketUri, version: version);
        await player.SendJoinAsync(name, matchId, game: game);
        await player.ExpectWelcomeAndSnapshotAsync();
        return player;
    }

    public async Task ExpectWelcomeAndSnapshotAsync()
    {
        ServerMessage welcome = await NextAsync(MessageType.Welcome);
        Welcome = welcome.Welcome;
        await NextAsync(MessageType.Snapshot);
    }

    public Task SendJoinAsync(string name, uint? matchId = null, ResumeToken resume = default, string? game = null) =>
        SendAsync(w => FrameWriter.WriteJoin(w, new JoinMessage(name, matchId, resume, game)));

    public Task<uint> SendInputAsync(sbyte moveX, sbyte moveY, ushort aim = 0, Buttons buttons = Buttons.None)
    {
        uint sequence = ++_sequence;
        var input = new InputMessage(sequence, World.Tick, moveX, moveY, aim, buttons);
        Task sending = _v2 is null
            ? SendAsync(w => ArenaFrameWriter.WriteInput(w, input))
            : SendAsync(w =>
            {
                Span<int> values = stackalloc int[4];
                ArenaSchema.FromInput(input, values);
                FrameWriter.WriteInput(w, input.Sequence, input.AckTick, input.ViewTick, values);
            });
        return sending.ContinueWith(_ => sequence, TaskScheduler.Default);
    }

    public Task SendPingAsync(uint clientTime) => SendAsync(w => FrameWriter.WritePing(w, new PingMessage(clientTime)));

    public Task SendLeaveAsync() => SendAsync(FrameWriter.WriteLeave);

    public async Task SendAsync(Action<IBufferWriter<byte>> write)
    {
        _out.ResetWrittenCount();
        write(_out);
        await SendRawAsync(_out.WrittenMemory.ToArray());
    }

    public Task SendRawAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Binary) =>
        _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message of the given type; messages of other types before it are passed over.</summary>
    public async Task<ServerMessage> NextAsync(MessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            ServerMessage message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message.Type == type)
            {
                return message;
            }
        }
    }

    /// <summary>Every message up to and including the next one of the given type.</summary>
    public async Task<List<ServerMessage>> ReadThroughAsync(MessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var messages = new List<ServerMessage>();
        do
        {
            messages.Add(await _messages.Reader.ReadAsync(timeout.Token));
        }
        while (messages[^1].Type != type);

        return messages;
    }

    /// <summary>Waits until a delta or snapshot leaves the world in a state that satisfies the condition.</summary>
    public async Task<WorldState> WaitForWorldAsync(Func<WorldState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            ServerMessage message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message.Type is MessageType.Delta or MessageType.Snapshot && condition(World))
            {
                return World;
            }
        }
    }

    /// <summary>Waits until the server has closed the connection; returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync()
    {
        await _receiving.WaitAsync(Patience);
        return _socket.CloseStatus;
    }

    private async Task ReceiveLoopAsync()
    {
        byte[] buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    return;
                }

                var frame = new ReadOnlySequence<byte>(buffer, 0, length);
                DecodeStatus status = _v2 is null
                    ? ArenaMessageReader.TryRead(frame, World, out ServerMessage message, out string? reason)
                    : _v2.TryRead(frame, out message, out reason);

                // Arena's v2 state is also shown as its v1 world; another game's is read from V2's schema world.
                if (status == DecodeStatus.Ok && _v2?.Schema?.Game == ArenaSchema.GameName && message.Type is MessageType.Snapshot or MessageType.Delta)
                {
                    ArenaStateAdapter.ToArena(_v2.World!, World);
                }

                if (status == DecodeStatus.Ok && _recording && message.Type is MessageType.Snapshot or MessageType.Delta)
                {
                    var copy = new WorldState();
                    copy.CopyFrom(World);
                    Recorded[World.Tick] = copy;
                    if (_v2 is not null)
                    {
                        RecordedAcks.Enqueue(_v2.Ack);
                    }
                }

                if (status != DecodeStatus.Ok)
                {
                    throw new InvalidDataException($"The server sent a frame this client cannot read: {status} {reason}");
                }

                _messages.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        await _stop.CancelAsync();
        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }
}
