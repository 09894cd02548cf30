namespace GameServer.Replays;

/// <summary>A piece of a recording on its way to the writer: a pooled buffer the writer returns once written.</summary>
internal readonly record struct ReplayChunk(ReplayFile File, byte[]? Buffer, int Length, ReplayChunkKind Kind);
