using System.Buffers;

namespace GameServer.Simulation;

/// <summary>
/// A match's protocol-v1 state frames, written by the game's side so that the host names no v1 (Arena) type: only a
/// game whose state is v1's entity world (<see cref="IEntityWorldSimulation"/>) has them. Each delta goes from the
/// world of the tick before, kept here. Owned by the match's tick.
/// </summary>
public sealed class Version1Frames
{
    private readonly IEntityWorldSimulation _match;
    private readonly WorldState _previous = new();
    private WorldState? _endScreen;

    private Version1Frames(IEntityWorldSimulation match)
    {
        _match = match;
        _previous.CopyFrom(match.World);
    }

    /// <summary>How a v1 client's Input reads for this game.</summary>
    public static InputLayout Input => InputMessage.Layout;

    /// <summary>The match's v1 frames; null when its game is not served on protocol v1.</summary>
    public static Version1Frames? For(IMatchSimulation match) => match is IEntityWorldSimulation entities ? new Version1Frames(entities) : null;

    /// <summary>Writes the Delta from the tick before to the present.</summary>
    public void WriteDelta(IBufferWriter<byte> output) => ArenaFrameWriter.WriteDelta(output, _previous, _match.World);

    /// <summary>Writes the Snapshot of the present.</summary>
    public void WriteSnapshot(IBufferWriter<byte> output) => ArenaFrameWriter.WriteSnapshot(output, _match.World);

    /// <summary>
    /// Writes the Delta to an end screen: the present world at <paramref name="tick"/>, in the Ended phase with no
    /// time left, for a match an operator ended.
    /// </summary>
    public void WriteEndScreen(IBufferWriter<byte> output, uint tick)
    {
        WorldState endScreen = _endScreen ??= new WorldState();
        endScreen.CopyFrom(_match.World);
        endScreen.Tick = tick;
        endScreen.Phase = MatchPhase.Ended;
        endScreen.PhaseTicksLeft = 0;
        ArenaFrameWriter.WriteDelta(output, _previous, endScreen);
    }

    /// <summary>Ends the tick: the present becomes the next delta's base.</summary>
    public void EndTick() => _previous.CopyFrom(_match.World);
}
