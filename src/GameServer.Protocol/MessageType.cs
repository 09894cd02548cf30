namespace GameServer.Protocol;

/// <summary>The first element of every frame's array: which message the frame carries.</summary>
/// <remarks>Client-to-server types are below 16, server-to-client types from 16 on.</remarks>
public enum MessageType : byte
{
    Join = 1,
    Input = 2,
    Ping = 3,
    Leave = 4,

    Welcome = 16,
    Snapshot = 17,
    Delta = 18,
    Pong = 19,
    Event = 20,
    Error = 21,
}
