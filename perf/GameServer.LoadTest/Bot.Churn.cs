using System.Buffers;
using GameServer.LoadTest.Transport;
using GameServer.Protocol;

namespace GameServer.LoadTest;

/// <summary>
/// The churn: its scheduler thread drops a joined bot as a lost network would (a reset, no close frame), and the bot comes
/// back after the reconnect delay with the resume token of its last Welcome, expecting the same player.
/// </summary>
internal sealed partial class Bot
{
    private ResumeToken _token;
    private bool _resuming;
    private long _connectStartedAt = -1;

    /// <summary>Called by the bot's scheduler thread only, so that no input or ping of this bot is being sent meanwhile.</summary>
    public bool Drop()
    {
        if (Interlocked.CompareExchange(ref _state, (int)BotState.Dropped, (int)BotState.Joined) != (int)BotState.Joined)
        {
            return false;
        }

        _context.Churn.RecordDrop();
        _transport.Abort();
        return true;
    }

    private void OnConnecting()
    {
        long now = _context.NowMicros();
        if (_connectStartedAt >= 0)
        {
            _context.Churn.RecordReconnect(now - _connectStartedAt);
        }

        _connectStartedAt = now;
    }

    /// <summary>Waits out the delay, then opens a new transport; false when the run ended meanwhile.</summary>
    private async Task<bool> ReconnectAsync(CancellationToken cancellationToken)
    {
        // Jitter keeps the dropped bots of one second from coming back in the same millisecond.
        TimeSpan delay = _context.Options.ReconnectDelay + TimeSpan.FromMilliseconds(NextRandom() % 500);
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        IBotTransport next = _newTransport(_node, _nodeEndPoint);
        _transport = next;
        if (Interlocked.CompareExchange(ref _state, (int)BotState.Connecting, (int)BotState.Dropped) != (int)BotState.Dropped)
        {
            // Stopped meanwhile: StopAsync may have disposed the old transport only.
            await next.DisposeAsync().ConfigureAwait(false);
            return false;
        }

        _resuming = true;
        _hasWorld = false;
        return true;
    }

    /// <summary>Keeps the new token; false (and the bot failed) when a resume gave the bot another player.</summary>
    private bool OnWelcomeToken(uint playerId, ReadOnlySequence<byte>? token)
    {
        if (token is { Length: ProtocolConstants.ResumeTokenBytes } bytes)
        {
            Span<byte> copy = stackalloc byte[ProtocolConstants.ResumeTokenBytes];
            bytes.CopyTo(copy);
            _token = ResumeToken.FromBytes(copy);
        }

        if (!_resuming)
        {
            return true;
        }

        _resuming = false;
        if (playerId != _playerId)
        {
            Fail(ErrorKind.ResumeRejected, $"A resume of player {_playerId} was welcomed as player {playerId}.");
            return false;
        }

        _context.Churn.RecordResume();
        return true;
    }
}
