using GameServer.Connections;

namespace GameServer.Transport;

/// <summary>A frame waiting for a socket that would block, and what it is: it decides what may be dropped.</summary>
internal readonly record struct QueuedFrame(SharedFrame Frame, FrameKind Kind);
