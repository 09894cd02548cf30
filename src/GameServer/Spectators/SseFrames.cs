using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace GameServer.Spectators;

/// <summary>
/// Server-Sent Events as bytes, formatted once and written as they are: a log entry's event is shared by every
/// stream that shows it, so a spectator holds no formatting buffer of its own (.NET's SseFormatter keeps two per
/// stream, 8 KiB a spectator once an overview summary has passed through them).
/// </summary>
public static class SseFrames
{
    /// <summary>An event: <c>event:</c>, one <c>data:</c> line per line of <paramref name="data"/>, then <c>id:</c> when there is one.</summary>
    /// <remarks>Sized first and written into its one array: the feed formats every event it keeps, at every tick's pace.</remarks>
    public static byte[] Event(string eventName, ReadOnlySpan<byte> data, long? id = null)
    {
        Span<byte> digits = stackalloc byte[20];
        int idLength = 0;
        if (id is long value)
        {
            Utf8Formatter.TryFormat(value, digits, out idLength);
        }

        // Each line of data becomes "data: " + line + "\n": the data's own line breaks are those terminators.
        int lines = data.Count((byte)'\n') + 1;
        int length = "event: "u8.Length + Encoding.UTF8.GetByteCount(eventName) + 1
            + (lines * ("data: "u8.Length + 1)) + data.Length - (lines - 1)
            + (id is null ? 0 : "id: "u8.Length + idLength + 1)
            + 1;

        byte[] frame = new byte[length];
        Span<byte> rest = frame;
        Put(ref rest, "event: "u8);
        rest = rest[Encoding.UTF8.GetBytes(eventName, rest)..];
        Put(ref rest, "\n"u8);
        foreach (Range line in data.Split((byte)'\n'))
        {
            Put(ref rest, "data: "u8);
            Put(ref rest, data[line]);
            Put(ref rest, "\n"u8);
        }

        if (id is not null)
        {
            Put(ref rest, "id: "u8);
            Put(ref rest, digits[..idLength]);
            Put(ref rest, "\n"u8);
        }

        Put(ref rest, "\n"u8);
        return frame;
    }

    /// <summary>The <c>retry:</c> hint on its own: a field block with no data dispatches nothing.</summary>
    public static byte[] Retry(TimeSpan interval) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"retry: {(long)interval.TotalMilliseconds}\n\n"));

    private static void Put(ref Span<byte> rest, scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(rest);
        rest = rest[bytes.Length..];
    }
}
