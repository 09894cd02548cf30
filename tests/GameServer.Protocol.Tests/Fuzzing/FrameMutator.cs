namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// Seeded, afl-style havoc on frames: bit flips, MessagePack type bytes, boundary values, inserted, deleted and
/// duplicated runs, and splices of two frames. Cheap and deterministic, so CI explores the same inputs every run.
/// </summary>
internal sealed class FrameMutator(int seed)
{
    // Headers and boundaries that change what the reader thinks follows: nil, false, fixarray/fixmap/fixstr edges,
    // bin/str/array/map 8/16/32, uint/int 8..64, the never-used 0xc1, and the fixint edges.
    private static readonly byte[] s_interesting =
    [
        0x00, 0x01, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc4, 0xc5, 0xc6, 0xca, 0xcb, 0xcc,
        0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff,
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(IReadOnlyList<byte[]> frames)
    {
        var bytes = new List<byte>(frames[_random.Next(frames.Count)]);
        int operations = 1 + _random.Next(8);
        for (int k = 0; k < operations; k++)
        {
            Apply(bytes, frames);
        }

        return [.. bytes];
    }

    private void Apply(List<byte> bytes, IReadOnlyList<byte[]> frames)
    {
        int at = _random.Next(bytes.Count + 1);
        switch (_random.Next(bytes.Count == 0 ? 1 : 7))
        {
            case 0:
                bytes.Insert(at, Interesting());
                break;
            case 1:
                bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << _random.Next(8));
                break;
            case 2:
                bytes[Math.Min(at, bytes.Count - 1)] = Interesting();
                break;
            case 3:
                bytes[Math.Min(at, bytes.Count - 1)] = (byte)_random.Next(256);
                break;
            case 4:
                bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(1 + _random.Next(8), bytes.Count - Math.Min(at, bytes.Count - 1)));
                break;
            case 5:
                int from = _random.Next(bytes.Count);
                bytes.InsertRange(at, bytes.GetRange(from, Math.Min(1 + _random.Next(16), bytes.Count - from)));
                break;
            default:
                byte[] other = frames[_random.Next(frames.Count)];
                int start = _random.Next(other.Length);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(start).ToArray());
                break;
        }
    }

    private byte Interesting() => s_interesting[_random.Next(s_interesting.Length)];
}
