using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>
/// One player's inputs between two ticks: written by its connection's receive loop, drained by the match's tick.
/// Bounded: when full the oldest input is dropped, since the newest carries the player's current intent.
/// The lock is the player's own, never shared with another connection.
/// </summary>
public sealed class InputQueue(int capacity)
{
    private readonly InputMessage[] _items = new InputMessage[capacity];
    private int _head;
    private int _count;

    /// <returns>False when an older input was dropped to make room.</returns>
    public bool Enqueue(in InputMessage input)
    {
        lock (_items)
        {
            bool dropped = _count == _items.Length;
            if (dropped)
            {
                _head = (_head + 1) % _items.Length;
                _count--;
            }

            _items[(_head + _count) % _items.Length] = input;
            _count++;
            return !dropped;
        }
    }

    /// <summary>Moves every queued input, oldest first, into <paramref name="destination"/>.</summary>
    /// <returns>How many were written.</returns>
    public int Drain(uint playerId, Span<Simulation.PlayerInput> destination)
    {
        lock (_items)
        {
            int n = Math.Min(_count, destination.Length);
            for (int i = 0; i < n; i++)
            {
                destination[i] = new Simulation.PlayerInput(playerId, _items[(_head + i) % _items.Length]);
            }

            _head = (_head + _count) % _items.Length;
            _count = 0;
            return n;
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _count = 0;
        }
    }
}
