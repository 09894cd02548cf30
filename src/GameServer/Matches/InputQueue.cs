using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>
/// One player's inputs between two ticks: written by its connection's receive loop, drained by the match's tick.
/// Bounded: when full the oldest input is dropped, since the newest carries the player's current intent.
/// The lock is the player's own, never shared with another connection. It also measures the input lag: how long an
/// input waited, from its arrival to the tick that applied it.
/// </summary>
public sealed class InputQueue(int capacity)
{
    // Weight of the newest input in the moving mean of the lag: about the last 20 inputs count.
    private const double LagWeight = 0.05;

    private readonly Lock _lock = new();
    private readonly GameInput[] _items = new GameInput[capacity];
    private readonly long[] _arrivals = new long[capacity];
    private int _head;
    private int _count;
    private double _meanLag = double.NaN;

    /// <summary>
    /// The moving mean of the time inputs waited for their tick, in <see cref="TimeProvider"/> timestamp units; NaN
    /// before the first input. Safe to read from any thread.
    /// </summary>
    public double MeanLag => Volatile.Read(ref _meanLag);

    /// <summary>
    /// The highest input sequence handed to the game: the player's last applied input, since a game ignores a
    /// sequence at or below the last (protocol.md, Input). Protocol v2 acknowledges it in each player's frames.
    /// Read and written by the match's tick only.
    /// </summary>
    public uint LastSequence { get; private set; }

    /// <param name="arrivedAt">When the input arrived (a <see cref="TimeProvider"/> timestamp).</param>
    /// <returns>False when an older input was dropped to make room.</returns>
    public bool Enqueue(in GameInput input, long arrivedAt)
    {
        lock (_lock)
        {
            bool dropped = _count == _items.Length;
            if (dropped)
            {
                _head = (_head + 1) % _items.Length;
                _count--;
            }

            int tail = (_head + _count) % _items.Length;
            _items[tail] = input;
            _arrivals[tail] = arrivedAt;
            _count++;
            return !dropped;
        }
    }

    /// <summary>Moves every queued input, oldest first, into <paramref name="destination"/>.</summary>
    /// <param name="now">The tick's timestamp, which the lag is measured to.</param>
    /// <returns>How many were written.</returns>
    public int Drain(uint playerId, Span<Simulation.PlayerInput> destination, long now)
    {
        lock (_lock)
        {
            int n = Math.Min(_count, destination.Length);
            double meanLag = _meanLag;
            for (int i = 0; i < n; i++)
            {
                int index = (_head + i) % _items.Length;
                destination[i] = new Simulation.PlayerInput(playerId, _items[index]);
                LastSequence = Math.Max(LastSequence, _items[index].Sequence);
                double lag = now - _arrivals[index];
                meanLag = double.IsNaN(meanLag) ? lag : meanLag + ((lag - meanLag) * LagWeight);
            }

            Volatile.Write(ref _meanLag, meanLag);
            _head = (_head + _count) % _items.Length;
            _count = 0;
            return n;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _count = 0;
        }
    }
}
