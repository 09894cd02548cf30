using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Protocol.Schema;

namespace GameServer.Client;

/// <summary>
/// A player's connection to a GameServer (protocol.md): connect, join, send inputs and pings, and a
/// <see cref="World"/> kept in sync by applying every snapshot and delta. Resumes a dropped session with its token.
/// </summary>
/// <remarks>
/// One receive loop per connection decodes frames into a pooled buffer and raises the events on its own thread,
/// in the order the server sent the messages; <see cref="World"/> is written only there, so read it from the
/// handlers (or copy it there). Handlers must not block or throw. Sends are serialized and reuse one buffer.
/// </remarks>
public sealed partial class GameClient : IAsyncDisposable
{
    private readonly Uri _uri;
    private readonly GameClientOptions _options;
    private readonly RoundTripMeter _roundTrip = new();
    private ClientWebSocket? _socket;
    private CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private bool _disposed;

    // Protocol version 2's decoder of the server's frames; null on version 1.
    private readonly SchemaMessageReader? _v2;

    private GameClient(Uri uri, GameClientOptions options)
    {
        if (options.ProtocolVersion is not (ProtocolConstants.Version or ProtocolConstants.Version2))
        {
            throw new ArgumentException($"ProtocolVersion is {options.ProtocolVersion}; set 1 or 2.", nameof(options));
        }

        _uri = uri;
        _options = options;
        _v2 = options.ProtocolVersion == ProtocolConstants.Version2 ? new SchemaMessageReader() : null;
    }

    /// <summary>A welcome arrived (after Join or a resume): the player's id, match, tick rate and new resume token.</summary>
    public event Action<WelcomeMessage>? Welcomed;

    /// <summary>A snapshot replaced <see cref="World"/>; the argument is its tick.</summary>
    public event Action<uint>? SnapshotReceived;

    /// <summary>A delta was applied to <see cref="World"/>; the argument is the new tick.</summary>
    public event Action<uint>? DeltaReceived;

    /// <summary>A Pong arrived, with the round trip it measured.</summary>
    public event Action<PongMessage, TimeSpan>? PongReceived;

    /// <summary>A match event (kill, pickup, join, start, end...).</summary>
    public event Action<GameEvent>? EventReceived;

    /// <summary>
    /// The match closed: it ran out (the argument is null; the end screen's last delta was just applied) or it failed
    /// on the server (its Error 6). The connection is back before Join: <see cref="JoinAsync"/> joins the next match.
    /// </summary>
    public event Action<ErrorMessage?>? MatchClosed;

    /// <summary>The server sent an Error; the connection stays open unless <see cref="Closed"/> follows.</summary>
    public event Action<ErrorMessage>? ErrorReceived;

    /// <summary>The connection ended: the server's close status and description, both null when it was lost.</summary>
    public event Action<WebSocketCloseStatus?, string?>? Closed;

    /// <summary>
    /// The match's world as the server holds it, bit for bit, at <see cref="WorldState.Tick"/>. On version 2 it is
    /// filled through <see cref="GameClientOptions.SchemaToWorld"/> (empty without it).
    /// </summary>
    public WorldState World { get; } = new();

    /// <summary>On version 2, the match's world on its schema, as snapshots and deltas leave it; null on version 1 and before Welcome.</summary>
    public SchemaWorld? SchemaWorld => _v2?.World;

    /// <summary>On version 2, the match's schema from the last Welcome; null on version 1 and before Welcome.</summary>
    public GameSchema? Schema => _v2?.Schema;

    /// <summary>The protocol version spoken: 1 or 2.</summary>
    public int ProtocolVersion => _options.ProtocolVersion;

    /// <summary>The sequence of the last own input the server has applied, as of the last snapshot or delta.</summary>
    public uint AcknowledgedInput => _v2 is not null ? _v2.Ack : TryGetOwnPlayer(out EntityState own) ? own.LastInputSequence : 0;

    /// <summary>The last Welcome; its <see cref="WelcomeMessage.PlayerId"/> is the own entity's id.</summary>
    public WelcomeMessage Welcome { get; private set; }

    /// <summary>The name the client joined with.</summary>
    public string? Name { get; private set; }

    /// <summary>The token that resumes this player after a dropped connection (single use; each Welcome brings a new one).</summary>
    public ResumeToken ResumeToken => Welcome.Resume;

    /// <summary>The sequence of the last input sent; 0 before the first.</summary>
    public uint LastInputSequence { get; private set; }

    /// <summary>The last round trip measured by a Ping; null before the first Pong.</summary>
    public TimeSpan? RoundTrip => _roundTrip.Last;

    /// <summary>The smoothed round trip (1/8 weight per sample); null before the first Pong.</summary>
    public TimeSpan? SmoothedRoundTrip => _roundTrip.Smoothed;

    /// <summary>Whether the WebSocket is open.</summary>
    public bool IsConnected => _socket?.State == WebSocketState.Open;

    /// <summary>Opens a WebSocket to <paramref name="uri"/> (for example <c>ws://localhost:5000/ws</c>) with the subprotocol of <see cref="GameClientOptions.ProtocolVersion"/>.</summary>
    public static async Task<GameClient> ConnectAsync(Uri uri, GameClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        var client = new GameClient(uri, options ?? new GameClientOptions());
        try
        {
            await client.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    /// <summary>The own player's entity in <see cref="World"/>, when it is there.</summary>
    public bool TryGetOwnPlayer(out EntityState player)
    {
        int index = World.IndexOf(Welcome.PlayerId);
        player = index >= 0 && Welcome.PlayerId != 0 ? World.Entities[index] : default;
        return index >= 0 && Welcome.PlayerId != 0;
    }

    private Task OpenAsync(CancellationToken cancellationToken) => OpenAsync(_uri, cancellationToken);

    private async Task OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(_v2 is null ? ProtocolConstants.SubProtocol : ProtocolConstants.SubProtocolV2);
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        _stop = new CancellationTokenSource();
        _socket = socket;
        _receiving = ReceiveLoopAsync(socket, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await CloseSocketAsync(graceful: true).ConfigureAwait(false);
        _sendLock.Dispose();
        _output.Dispose();
    }
}
