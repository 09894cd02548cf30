namespace GameServer.Protocol;

/// <summary>64-bit FNV-1a over little-endian 32-bit words: a stable hash for determinism checks.</summary>
internal struct StateHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public StateHash()
    {
        Value = OffsetBasis;
    }

    public ulong Value { get; private set; }

    public void Add(uint word)
    {
        ulong value = Value;
        for (int i = 0; i < 4; i++)
        {
            value ^= (byte)(word >> (8 * i));
            value *= Prime;
        }

        Value = value;
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            Add(uint.MaxValue);
            return;
        }

        Add((uint)text.Length);
        foreach (char c in text)
        {
            Add(c);
        }
    }
}
