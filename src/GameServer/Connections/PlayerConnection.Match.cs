using System.Net.WebSockets;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Connections;

/// <summary>What a match's tick tells the connection; each runs on the tick's thread.</summary>
public sealed partial class PlayerConnection
{
    public void OnJoined(MatchHost match, PlayerSlot slot)
    {
        _match = match;
        _slot = slot;
        _state = (int)ConnectionState.Playing;
    }

    public void OnJoinRejected(in ErrorMessage error)
    {
        _match = null;
        _slot = null;
        _state = (int)ConnectionState.Lobby;
        SendError(error);
    }

    /// <summary>The match ended and was removed (with an error when it failed): the connection is back in the lobby.</summary>
    public void OnMatchClosed(MatchHost match, ErrorMessage? error)
    {
        if (_match != match)
        {
            return;
        }

        JoinMessage? held;
        lock (_lobbyLock)
        {
            _match = null;
            _slot = null;

            // Written before the state: the receive loop that sees Lobby must also see that inputs may still be in flight.
            _afterMatch = true;
            _state = (int)ConnectionState.Lobby;
            held = _heldJoin;
            _heldJoin = null;
        }

        // Back in the lobby, the connection has a join timeout to meet again, like a new one.
        _joinTimer?.Change(_services.Options.JoinTimeout, Timeout.InfiniteTimeSpan);
        if (error is ErrorMessage message)
        {
            SendError(message);
        }

        if (held is JoinMessage join)
        {
            _afterMatch = false;
            BeginJoin(join);
        }
    }

    /// <summary>
    /// Holds a Join that came after the match's last frame, which tells the client it may join again (protocol.md,
    /// Session), but before the tick handed the connection back to the lobby; <see cref="OnMatchClosed"/> begins it.
    /// False when the connection is in a match that goes on: the Join is out of place.
    /// </summary>
    private bool TryHoldJoin(JoinMessage join)
    {
        lock (_lobbyLock)
        {
            if (State == ConnectionState.Lobby)
            {
                // Handed back meanwhile: nothing to wait for.
                _afterMatch = false;
                _heldJoin = null;
            }
            else if (_match is { HasSentLastFrame: true } && _heldJoin is null)
            {
                _heldJoin = join;
                return true;
            }
            else
            {
                return false;
            }
        }

        BeginJoin(join);
        return true;
    }

    /// <summary>Another connection resumed this player.</summary>
    public void OnReplaced()
    {
        _match = null;
        _slot = null;
        Close(CloseReason.ResumedElsewhere, ResumedElsewhereStatus, "Resumed on another connection.");
    }

    /// <summary>The close code of a connection whose player was resumed on another (protocol.md, "Close codes").</summary>
    public const WebSocketCloseStatus ResumedElsewhereStatus = (WebSocketCloseStatus)4001;

    /// <summary>The close code of a connection whose player an operator removed (protocol.md, "Close codes").</summary>
    public const WebSocketCloseStatus KickedStatus = (WebSocketCloseStatus)4008;

    /// <summary>An operator removed the player from <paramref name="match"/>; its seat is gone, so the connection closes.</summary>
    public void OnKicked(MatchHost match, string reason)
    {
        if (_match != match)
        {
            return;
        }

        _match = null;
        _slot = null;
        Close(CloseReason.Kicked, KickedStatus, reason);
    }

    public void OnFellBehind() =>
        Close(CloseReason.FellBehind, (WebSocketCloseStatus)4000, "Fell behind: not reading fast enough.");

    /// <summary>The server is stopping.</summary>
    public void OnShutdown() =>
        Close(CloseReason.ServerShutdown, WebSocketCloseStatus.EndpointUnavailable, "Server shutting down.");
}
