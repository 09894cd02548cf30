using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using GameServer.Protocol;

namespace GameServer.Tests.Infrastructure;

/// <summary>
/// A real ClientWebSocket speaking gameserver.v1. A background loop decodes every frame, keeps the world in sync
/// by applying snapshots and deltas, and queues each message for the test to await in order.
/// </summary>
public sealed class TestPlayer : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly Channel<ServerMessage> _messages = Channel.CreateUnbounded<ServerMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly ArrayBufferWriter<byte> _out = new(256);
    private Task _receiving = Task.CompletedTask;
    private uint _sequence;

    private TestPlayer(ClientWebSocket socket)
    {
        _socket = socket;
    }

    /// <summary>The world as this client has reconstructed it.</summary>
    public WorldState World { get; } = new();

    public WelcomeMessage Welcome { get; private set; }

    public ClientWebSocket Socket => _socket;

    /// <summary>How the server closed the connection, once it has.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <param name="query">Appended to the URI, e.g. <c>?ticket=...</c>.</param>
    public static Task<TestPlayer> ConnectAsync(TestServer server, bool read = true, string query = "") =>
        ConnectAsync(server.WebSocketUri, read, query);

    /// <param name="webSocketUri">The server's <c>/ws</c>, for a server that is not a <see cref="TestServer"/> (a process of its own), or a URL as POST /matchmaking gives one, seat and all.</param>
    /// <param name="query">Appended to the URI, e.g. <c>?ticket=...</c>.</param>
    public static async Task<TestPlayer> ConnectAsync(Uri webSocketUri, bool read = true, string query = "")
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        await socket.ConnectAsync(new Uri(webSocketUri + query), CancellationToken.None);
        var player = new TestPlayer(socket);
        if (read)
        {
            player._receiving = player.ReceiveLoopAsync();
        }

        return player;
    }

    /// <summary>Connects and joins; returns once Welcome and the first Snapshot have arrived.</summary>
    public static Task<TestPlayer> JoinAsync(TestServer server, string name, uint? matchId = null) =>
        JoinAsync(server.WebSocketUri, name, matchId);

    /// <summary>Connects to <paramref name="webSocketUri"/> and joins; returns once Welcome and the first Snapshot have arrived.</summary>
    public static async Task<TestPlayer> JoinAsync(Uri webSocketUri, string name, uint? matchId = null)
    {
        TestPlayer player = await ConnectAsync(webSocketUri);
        await player.SendJoinAsync(name, matchId);
        await player.ExpectWelcomeAndSnapshotAsync();
        return player;
    }

    public async Task ExpectWelcomeAndSnapshotAsync()
    {
        ServerMessage welcome = await NextAsync(MessageType.Welcome);
        Welcome = welcome.Welcome;
        await NextAsync(MessageType.Snapshot);
    }

    public Task SendJoinAsync(string name, uint? matchId = null, ResumeToken resume = default) =>
        SendAsync(w => FrameWriter.WriteJoin(w, new JoinMessage(name, matchId, resume)));

    public Task<uint> SendInputAsync(sbyte moveX, sbyte moveY, ushort aim = 0, Buttons buttons = Buttons.None)
    {
        uint sequence = ++_sequence;
        var input = new InputMessage(sequence, World.Tick, moveX, moveY, aim, buttons);
        return SendAsync(w => FrameWriter.WriteInput(w, input)).ContinueWith(_ => sequence, TaskScheduler.Default);
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

                DecodeStatus status = ServerMessageReader.TryRead(new ReadOnlySequence<byte>(buffer, 0, length), World, out ServerMessage message, out string? reason);
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
