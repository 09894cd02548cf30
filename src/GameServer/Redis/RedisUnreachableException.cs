namespace GameServer.Redis;

/// <summary>Redis is configured but did not answer at start: an operator's problem, told in one line (see <c>StartupFailures</c>).</summary>
public sealed class RedisUnreachableException(string message, Exception innerException) : Exception(message, innerException);
