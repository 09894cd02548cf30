namespace GameServer.Admission;

/// <summary>
/// Whether the server takes new players now. The gateway's admission control fills it; health reads it: while the
/// server refuses players, <c>/health</c> says Degraded and <c>/health/ready</c> answers 503.
/// </summary>
public interface IPlayerAdmission
{
    /// <summary>True while new players are turned away (overload, draining, a limit reached).</summary>
    bool IsRefusingPlayers { get; }

    /// <summary>Why players are refused, for an operator; null while they are not.</summary>
    string? RefusalReason { get; }
}
