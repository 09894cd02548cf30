namespace GameServer.Protocol;

/// <summary>Codes of the Error message (protocol.md, "Error").</summary>
public enum ErrorCode : ushort
{
    /// <summary>The message is not valid in the connection's state (Input before Join, a second Join).</summary>
    InvalidState = 1,

    /// <summary>The name is empty, too long, or has control characters.</summary>
    InvalidName = 2,

    /// <summary>No live match has the requested id.</summary>
    MatchNotFound = 3,

    /// <summary>The requested match is full or has ended.</summary>
    MatchFull = 4,

    /// <summary>The resume token is unknown, used, or its grace period has passed.</summary>
    ResumeRejected = 5,

    /// <summary>The match failed on the server and was ended.</summary>
    MatchFailed = 6,

    /// <summary>The message type is not one this server knows; the message was ignored.</summary>
    UnknownMessageType = 7,

    /// <summary>The game asked for is not one this server runs, or is served only on a protocol version the connection did not choose.</summary>
    UnsupportedGame = 8,
}
