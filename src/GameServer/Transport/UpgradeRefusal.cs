namespace GameServer.Transport;

/// <summary>Why an upgrade to the players' WebSocket is refused: the HTTP status and the problem details it answers with.</summary>
/// <param name="RetryAfter">When set, the client may try again after this long (a Retry-After header).</param>
public sealed record UpgradeRefusal(int Status, string Title, string? Detail = null, TimeSpan? RetryAfter = null);
