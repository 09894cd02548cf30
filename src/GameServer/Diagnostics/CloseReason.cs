namespace GameServer.Diagnostics;

/// <summary>Why a player connection ended: the label of the closes counter and of the one log line per close.</summary>
public enum CloseReason
{
    ClientClosed,
    Left,
    Disconnected,
    TextMessage,
    Malformed,
    TooBig,
    Flood,
    InvalidMessages,
    FellBehind,
    JoinTimeout,
    ServerShutdown,
    ResumedElsewhere,
    ProtocolError,
    ServerError,
    KeepAliveTimeout,
    Kicked,
}
