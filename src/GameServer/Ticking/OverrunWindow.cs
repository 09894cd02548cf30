namespace GameServer.Ticking;

/// <summary>Which of a shard's last ticks overran, as a ring of flags with a running count; written by the shard's thread only.</summary>
internal sealed class OverrunWindow
{
    private readonly bool[] _overran;
    private int _next;
    private int _count;

    public OverrunWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _overran = new bool[size];
    }

    /// <summary>How many ticks the window covers.</summary>
    public int Size => _overran.Length;

    /// <summary>Ticks in the window that overran; safe to read from any thread.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Record(bool overran)
    {
        var count = _count - (_overran[_next] ? 1 : 0) + (overran ? 1 : 0);
        _overran[_next] = overran;
        _next = _next + 1 == _overran.Length ? 0 : _next + 1;
        Volatile.Write(ref _count, count);
    }
}
