namespace GameServer.Simulation;

/// <summary>
/// The living players of the last ticks, for lag compensation: a ring of one frame per tick, the present included,
/// each frame in id order. Its arrays grow only when a match has more players than before: no allocation per tick.
/// </summary>
internal sealed class TargetHistory
{
    private readonly HitTarget[][] _frames;
    private readonly int[] _counts;
    private uint _lastTick;
    private int _run;

    /// <param name="bound">How many ticks before the present the ring keeps (<see cref="ArenaRules.LagCompensationTicks"/>).</param>
    public TargetHistory(int bound)
    {
        _frames = new HitTarget[bound + 1][];
        _counts = new int[bound + 1];
        for (int i = 0; i < _frames.Length; i++)
        {
            _frames[i] = new HitTarget[16];
        }
    }

    /// <summary>
    /// How many ticks before <paramref name="tick"/> the ring will hold once that tick's frame is begun: the unbroken
    /// run of frames recorded up to the tick before it, at most the bound. A shot fired on that tick rewinds no further.
    /// </summary>
    public int Reach(uint tick) => tick == _lastTick + 1 ? Math.Min(_run, _frames.Length - 1) : 0;

    /// <summary>The present tick's targets, as the last <see cref="Commit"/> left them.</summary>
    public ReadOnlySpan<HitTarget> Present => At(0);

    /// <summary>
    /// Starts the frame of <paramref name="tick"/>, over the oldest, or starts the present frame again (a gather later in
    /// the same tick); returns storage for at least <paramref name="capacity"/> targets.
    /// </summary>
    public HitTarget[] Begin(uint tick, int capacity)
    {
        if (tick != _lastTick)
        {
            // Frames are found by tick difference, so only an unbroken run of ticks counts as history.
            _run = Reach(tick) + 1;
            _lastTick = tick;
        }

        ref HitTarget[] frame = ref _frames[tick % (uint)_frames.Length];
        if (frame.Length < capacity)
        {
            Array.Resize(ref frame, Math.Max(capacity, frame.Length * 2));
        }

        return frame;
    }

    /// <summary>Ends the frame <see cref="Begin"/> started, with its first <paramref name="count"/> targets filled.</summary>
    public void Commit(int count) => _counts[_lastTick % (uint)_frames.Length] = count;

    /// <summary>The targets <paramref name="ticksAgo"/> ticks before the present, which must be within the present tick's <see cref="Reach"/>.</summary>
    public ReadOnlySpan<HitTarget> At(int ticksAgo)
    {
        uint slot = (uint)(_lastTick - ticksAgo) % (uint)_frames.Length;
        return _frames[slot].AsSpan(0, _counts[slot]);
    }
}
