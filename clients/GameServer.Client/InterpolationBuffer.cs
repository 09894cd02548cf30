using System.Numerics;
using GameServer.Arena.Wire;

namespace GameServer.Client;

/// <summary>
/// Entity interpolation: keeps the last few worlds with the local time each arrived, and samples an entity's position
/// at <c>now - Delay</c>, between the two worlds that bracket it, so remote entities move smoothly although states
/// arrive unevenly. Worlds are copied into pooled slots: no allocation once warm.
/// </summary>
public sealed class InterpolationBuffer
{
    private readonly WorldState[] _worlds;
    private readonly TimeSpan[] _times;
    private int _start;
    private int _count;

    /// <param name="delay">How far in the past entities are drawn. Typically 100 ms: three ticks at 30 Hz.</param>
    /// <param name="capacity">Worlds kept. Default 32 (about 1 s at 30 Hz).</param>
    public InterpolationBuffer(TimeSpan delay, int capacity = 32)
    {
        if (capacity < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Interpolation needs at least two worlds.");
        }

        Delay = delay;
        _worlds = new WorldState[capacity];
        _times = new TimeSpan[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _worlds[i] = new WorldState();
        }
    }

    public TimeSpan Delay { get; }

    public int Count => _count;

    /// <summary>Remembers a copy of the world as it was at local time <paramref name="time"/> (times must not go back).</summary>
    public void Add(TimeSpan time, WorldState world)
    {
        if (_count == _worlds.Length)
        {
            _start = (_start + 1) % _worlds.Length;
            _count--;
        }

        int slot = (_start + _count) % _worlds.Length;
        _worlds[slot].CopyFrom(world);
        _times[slot] = time;
        _count++;
    }

    /// <summary>Where entity <paramref name="id"/> is drawn at local time <paramref name="now"/>, in position units.</summary>
    /// <returns>False when no world kept has the entity.</returns>
    public bool TrySample(uint id, TimeSpan now, out Vector2 position)
    {
        TimeSpan t = now - Delay;
        int i = Bracket(t);
        if (i < 0)
        {
            // Before the oldest world (just joined): the oldest position there is.
            position = default;
            return _count > 0 && TryPosition(_worlds[_start], id, out position);
        }

        int a = (_start + i) % _worlds.Length;
        int b = (_start + i + 1) % _worlds.Length;
        bool inA = TryPosition(_worlds[a], id, out Vector2 pa);
        bool inB = TryPosition(_worlds[b], id, out Vector2 pb);
        if (!inA || !inB)
        {
            position = inB ? pb : pa;
            return inA || inB;
        }

        double span = Math.Max((_times[b] - _times[a]).TotalMilliseconds, 1);
        float f = (float)Math.Min(1, (t - _times[a]).TotalMilliseconds / span);
        position = Vector2.Lerp(pa, pb, f);
        return true;
    }

    /// <summary>
    /// The world tick drawn at local time <paramref name="now"/>: the older of the two worlds it interpolates between
    /// (the oldest before the first pair, the newest past it); 0 when no world is kept. Send it as the input's view
    /// tick, so the server judges the input's shots against what was on the screen (lag compensation).
    /// </summary>
    public uint DisplayedTick(TimeSpan now)
    {
        if (_count == 0)
        {
            return 0;
        }

        TimeSpan t = now - Delay;
        int i = Bracket(t);
        if (i < 0)
        {
            return _worlds[_start].Tick;
        }

        int b = (_start + i + 1) % _worlds.Length;
        return _times[b] <= t ? _worlds[b].Tick : _worlds[(_start + i) % _worlds.Length].Tick;
    }

    public void Clear()
    {
        _start = 0;
        _count = 0;
    }

    /// <summary>The position, from the oldest, of the older world of the pair that brackets <paramref name="t"/> (the newest pair past it); -1 before the first pair.</summary>
    private int Bracket(TimeSpan t)
    {
        for (int i = _count - 1; i > 0; i--)
        {
            if (_times[(_start + i - 1) % _worlds.Length] <= t)
            {
                return i - 1;
            }
        }

        return -1;
    }

    private static bool TryPosition(WorldState world, uint id, out Vector2 position)
    {
        int index = world.IndexOf(id);
        if (index < 0)
        {
            position = default;
            return false;
        }

        ref readonly EntityState e = ref world.Entities[index];
        position = new Vector2(e.X, e.Y);
        return true;
    }
}
