using GameServer.Arena.Wire;

namespace GameServer.Client;

/// <summary>
/// Client-side prediction: the inputs sent but not yet applied by the server, replayed on top of each authoritative
/// state (the server acknowledges inputs through the player's <see cref="EntityState.LastInputSequence"/>).
/// A ring buffer: no allocation after construction.
/// </summary>
public sealed class PredictionBuffer
{
    private readonly InputMessage[] _inputs;
    private int _start;
    private int _count;

    /// <param name="capacity">Inputs kept; when full the oldest is dropped. Default 128 (4 s at 30 Hz).</param>
    public PredictionBuffer(int capacity = 128)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Keep at least one input.");
        }

        _inputs = new InputMessage[capacity];
    }

    /// <summary>Inputs sent and not yet acknowledged.</summary>
    public int Count => _count;

    /// <summary>Records an input as it is sent; sequences must increase.</summary>
    public void Add(in InputMessage input)
    {
        if (_count == _inputs.Length)
        {
            _start = (_start + 1) % _inputs.Length;
            _count--;
        }

        _inputs[(_start + _count) % _inputs.Length] = input;
        _count++;
    }

    /// <summary>Forgets the inputs the server has applied: those up to <paramref name="acknowledged"/>.</summary>
    public void Acknowledge(uint acknowledged)
    {
        while (_count > 0 && _inputs[_start].Sequence <= acknowledged)
        {
            _start = (_start + 1) % _inputs.Length;
            _count--;
        }
    }

    /// <summary>
    /// The predicted state: the server's state of the own player with every input it has not applied yet replayed
    /// on it by <paramref name="step"/>. Acknowledged inputs are forgotten first.
    /// </summary>
    public EntityState Reconcile(in EntityState authoritative, PlayerStep step)
    {
        if (step is null)
        {
            throw new ArgumentNullException(nameof(step));
        }

        Acknowledge(authoritative.LastInputSequence);
        EntityState predicted = authoritative;
        for (int i = 0; i < _count; i++)
        {
            step(ref predicted, in _inputs[(_start + i) % _inputs.Length]);
        }

        return predicted;
    }

    public void Clear()
    {
        _start = 0;
        _count = 0;
    }
}
