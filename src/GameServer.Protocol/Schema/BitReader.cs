namespace GameServer.Protocol.Schema;

/// <summary>Reads what <see cref="BitWriter"/> wrote; reading past the end is a malformed frame.</summary>
internal ref struct BitReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    /// <summary>Reads <paramref name="bits"/> (0 to 32) bits as an unsigned value.</summary>
    public uint Read(int bits)
    {
        if (bits > (long)_bytes.Length * 8 - _position)
        {
            MalformedFrameException.Throw("The state's bits end early.");
        }

        ulong value = 0;
        for (int left = bits; left > 0;)
        {
            int bit = _position & 7;
            int take = Math.Min(8 - bit, left);
            value = (value << take) | (uint)((_bytes[_position >> 3] >> (8 - bit - take)) & ((1 << take) - 1));
            _position += take;
            left -= take;
        }

        return (uint)value;
    }

    public uint ReadVar()
    {
        if (Read(1) == 0)
        {
            return Read(4);
        }

        if (Read(1) == 0)
        {
            return Read(8);
        }

        return Read(Read(1) == 0 ? 16 : 32);
    }

    public long ReadSigned()
    {
        uint zigzag = ReadVar();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    /// <summary>Requires that only the last byte's zero padding is left: anything else is not what a writer wrote.</summary>
    public readonly void End()
    {
        int left = _bytes.Length * 8 - _position;
        if (left >= 8 || (left > 0 && (_bytes[_bytes.Length - 1] & ((1 << left) - 1)) != 0))
        {
            MalformedFrameException.Throw("Bits follow the state.");
        }
    }
}
