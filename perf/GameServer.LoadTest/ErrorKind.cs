namespace GameServer.LoadTest;

/// <summary>What went wrong with a bot; the report counts each kind, and any of them fails the run.</summary>
public enum ErrorKind
{
    /// <summary>The TCP connection could not be opened.</summary>
    ConnectFailed,

    /// <summary>The server did not answer the upgrade with 101 and the gameserver.v1 subprotocol.</summary>
    HandshakeRejected,

    /// <summary>No Welcome arrived within the join timeout.</summary>
    JoinTimeout,

    /// <summary>The server sent an Error message.</summary>
    ServerError,

    /// <summary>The server closed the WebSocket while the run was going on.</summary>
    ServerClosed,

    /// <summary>The connection was reset or ended without a close frame.</summary>
    ConnectionLost,

    /// <summary>The server sent something the protocol does not allow (a bad frame, a delta against a base the bot lacks).</summary>
    ProtocolViolation,

    /// <summary>The socket's send buffer was full: the server is not reading.</summary>
    SendBlocked,

    /// <summary>A resume within the grace period was answered with Error 5, or gave the bot another player.</summary>
    ResumeRejected,

    /// <summary>POST /matchmaking gave no seat (with <c>--matchmake</c>).</summary>
    MatchmakingFailed,

    /// <summary>The bot was welcomed into a game the <c>play</c> behaviour does not know (it plays arena and tag).</summary>
    UnsupportedGame,
}
