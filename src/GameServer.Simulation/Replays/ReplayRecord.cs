namespace GameServer.Simulation.Replays;

/// <summary>One record as <see cref="ReplayReader"/> read it; only the fields of its kind are set.</summary>
public readonly record struct ReplayRecord(ReplayRecordKind Kind, uint Tick)
{
    public uint PlayerId { get; init; }

    public string? Name { get; init; }

    /// <summary>A Step's inputs, in the reader's buffer: valid until the next record is read.</summary>
    public ReadOnlyMemory<PlayerInput> Inputs { get; init; }

    public ulong Hash { get; init; }

    public ReplayStart? Start { get; init; }

    public ReplayEnd End { get; init; }
}
