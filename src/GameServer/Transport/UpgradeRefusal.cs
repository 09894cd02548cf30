namespace GameServer.Transport;

/// <summary>Why an upgrade to the players' WebSocket is refused: the HTTP status and the problem details it answers with.</summary>
public sealed record UpgradeRefusal(int Status, string Title, string? Detail = null);
