using System.Net.WebSockets;
using GameServer.Protocol;

namespace GameServer.Client;

public sealed partial class GameClient
{
    private TaskCompletionSource<bool>? _pendingJoin;
    private bool _joinWelcomed;

    /// <summary>
    /// Joins a match (quick join of <see cref="GameClientOptions.Game"/> when <paramref name="matchId"/> is null) and returns
    /// once the Welcome and the first Snapshot have arrived, so <see cref="World"/> is ready. Call it again to join the
    /// next match after one closed.
    /// </summary>
    /// <exception cref="GameClientException">The server refused (bad name, no such match, full, no such game), or the connection ended.</exception>
    public Task JoinAsync(string name, uint? matchId = null, CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return JoinCoreAsync(new JoinMessage(name, matchId, ResumeToken.None, _options.Game), cancellationToken);
    }

    /// <summary>
    /// After a dropped connection: opens a new one and takes the player's place back with the resume token, within
    /// the server's grace period (10 s by default). Returns once the new Welcome and Snapshot have arrived.
    /// </summary>
    /// <exception cref="GameClientException">The token was rejected (Error 5): join again instead.</exception>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        ResumeToken token = Welcome.Resume;
        if (token.IsNone || Name is null)
        {
            throw new InvalidOperationException("Nothing to resume: join a match first.");
        }

        await CloseSocketAsync(graceful: false).ConfigureAwait(false);

        // The token in the URL too: a node that is draining refuses new players at the upgrade, but not its own.
        await OpenAsync(new Uri(_uri + (_uri.Query.Length > 0 ? "&" : "?") + "resume=" + token.ToBase64Url()), cancellationToken).ConfigureAwait(false);
        await JoinCoreAsync(new JoinMessage(Name, null, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leaves the match; the server closes the connection with 1000 and <see cref="Closed"/> follows.</summary>
    public ValueTask LeaveAsync(CancellationToken cancellationToken = default) =>
        SendAsync(0, static (writer, _) => FrameWriter.WriteLeave(writer), cancellationToken);

    /// <summary>Drops the connection at once, without a close handshake, as a network failure would (then <see cref="ResumeAsync"/>).</summary>
    public void Abort() => _socket?.Abort();

    private async Task JoinCoreAsync(JoinMessage join, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _joinWelcomed = false;
        Volatile.Write(ref _pendingJoin, pending);
        Name = join.Name;
        await SendAsync(join, static (writer, m) => FrameWriter.WriteJoin(writer, m), cancellationToken).ConfigureAwait(false);
        await WithTimeout(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The receive loop's side of a pending join.</summary>
    private void OnJoinProgress(MessageType type, in ErrorMessage error)
    {
        TaskCompletionSource<bool>? pending = Volatile.Read(ref _pendingJoin);
        if (pending is null)
        {
            return;
        }

        if (type == MessageType.Welcome)
        {
            _joinWelcomed = true;
        }
        else if (type == MessageType.Snapshot && _joinWelcomed)
        {
            _pendingJoin = null;
            pending.TrySetResult(true);
        }
        else if (type == MessageType.Error && error.Code is ErrorCode.InvalidName or ErrorCode.MatchNotFound or ErrorCode.MatchFull
                     or ErrorCode.ResumeRejected or ErrorCode.InvalidState or ErrorCode.UnsupportedGame)
        {
            _pendingJoin = null;
            pending.TrySetException(new GameClientException(error));
        }
    }

    private async Task<T> WithTimeout<T>(TaskCompletionSource<T> pending, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using (timeout.Token.Register(static s => ((TaskCompletionSource<T>)s!).TrySetCanceled(), pending))
        {
            return await pending.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Fails whatever waits for an answer when the connection ends.</summary>
    private void FailPending()
    {
        var closed = new GameClientException("The connection ended before the server answered.");
        Interlocked.Exchange(ref _pendingJoin, null)?.TrySetException(closed);
        Interlocked.Exchange(ref _pendingPing, null)?.TrySetException(closed);
    }

    private async Task CloseSocketAsync(bool graceful)
    {
        ClientWebSocket? socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null)
        {
            return;
        }

        if (graceful && socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                await Task.WhenAny(_receiving, Task.Delay(TimeSpan.FromSeconds(5), timeout.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        _stop.Cancel();
        socket.Abort();
        await _receiving.ConfigureAwait(false);
        socket.Dispose();
        _stop.Dispose();
    }
}
