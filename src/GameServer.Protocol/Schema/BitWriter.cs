namespace GameServer.Protocol.Schema;

/// <summary>
/// Writes bits most significant first into a reusable buffer (docs/netcode-v2.md, "Bits"), plus the variable-length
/// code <see cref="WriteVar"/>. The last byte is padded with zero bits.
/// </summary>
internal sealed class BitWriter
{
    private byte[] _bytes = new byte[256];
    private int _count;
    private ulong _pending;
    private int _pendingBits;

    /// <summary>The bytes written, the last one padded; valid until the next write or reset.</summary>
    public ReadOnlySpan<byte> Written => new(_bytes, 0, _count);

    public void Reset()
    {
        _count = 0;
        _pending = 0;
        _pendingBits = 0;
    }

    /// <summary>Writes the low <paramref name="bits"/> (0 to 32) bits of <paramref name="value"/>.</summary>
    public void Write(uint value, int bits)
    {
        if (bits == 0)
        {
            return;
        }

        // At most 7 bits wait between calls, so 7 + 32 never overflows the 64-bit accumulator.
        _pending = (_pending << bits) | (value & (uint.MaxValue >> (32 - bits)));
        _pendingBits += bits;
        if (_count + 5 > _bytes.Length)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }

        while (_pendingBits >= 8)
        {
            _pendingBits -= 8;
            _bytes[_count++] = (byte)(_pending >> _pendingBits);
        }
    }

    /// <summary>
    /// The variable-length code of counts, gaps and residuals: <c>0</c> + 4 bits, <c>10</c> + 8 bits, <c>110</c> + 16
    /// bits or <c>111</c> + 32 bits, the shortest that holds the value.
    /// </summary>
    public void WriteVar(uint value)
    {
        if (value < 1u << 4)
        {
            Write(value, 5);
        }
        else if (value < 1u << 8)
        {
            Write(0b10u << 8 | value, 10);
        }
        else if (value < 1u << 16)
        {
            Write(0b110, 3);
            Write(value, 16);
        }
        else
        {
            Write(0b111, 3);
            Write(value, 32);
        }
    }

    /// <summary>A signed residual, zigzagged (0, -1, 1, -2, ... → 0, 1, 2, 3, ...) into <see cref="WriteVar"/>.</summary>
    public void WriteSigned(long residual) => WriteVar((uint)((residual << 1) ^ (residual >> 63)));

    /// <summary>Pads the last byte with zero bits.</summary>
    public void Flush()
    {
        if (_pendingBits > 0)
        {
            _bytes[_count++] = (byte)(_pending << (8 - _pendingBits));
            _pendingBits = 0;
        }
    }
}
