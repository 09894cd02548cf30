namespace GameServer.Redis;

/// <summary>An encoded feed event waiting for the write loop to add it to the stream, which gives it its id.</summary>
internal readonly record struct QueuedFeedEvent(uint MatchId, string EventName, byte[] Data);
