namespace GameServer.Admission;

/// <summary>
/// Whether an operator is draining this node before a deploy: it takes no new players (admission refuses them, so
/// the upgrade and <c>POST /matchmaking</c> answer 503 and health says Degraded), while its running matches finish
/// and their players may still resume.
/// </summary>
public sealed class NodeDrain
{
    /// <summary>What admission says while the node drains; starts with "draining", as the upgrade's 503 does.</summary>
    public const string RefusalReason = "draining: this node takes no new players while its running matches finish.";

    private int _draining;

    public bool IsDraining => Volatile.Read(ref _draining) != 0;

    /// <summary>Starts or stops draining; true when that changed anything.</summary>
    public bool Set(bool draining) => Interlocked.Exchange(ref _draining, draining ? 1 : 0) != (draining ? 1 : 0);
}
