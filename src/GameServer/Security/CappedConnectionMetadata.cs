namespace GameServer.Security;

/// <summary>Marks an endpoint whose requests are long-lived connections, counted against <see cref="ConnectionCaps"/>.</summary>
public sealed class CappedConnectionMetadata
{
    public static CappedConnectionMetadata Instance { get; } = new();

    private CappedConnectionMetadata()
    {
    }
}
