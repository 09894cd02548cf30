namespace GameServer.Connections;

/// <summary>What the rate limiter says of one message.</summary>
public enum RateDecision
{
    Allowed,
    Dropped,
    Flood,
}
