using System.Buffers;
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
    public static byte[] Event(string eventName, ReadOnlySpan<byte> data, long? id = null)
    {
        var frame = new ArrayBufferWriter<byte>(eventName.Length + data.Length + 48);
        frame.Write("event: "u8);
        frame.Write(Encoding.UTF8.GetBytes(eventName));
        frame.Write("\n"u8);
        foreach (Range line in data.Split((byte)'\n'))
        {
            frame.Write("data: "u8);
            frame.Write(data[line]);
            frame.Write("\n"u8);
        }

        if (id is long value)
        {
            frame.Write("id: "u8);
            Utf8Formatter.TryFormat(value, frame.GetSpan(20), out int written);
            frame.Advance(written);
            frame.Write("\n"u8);
        }

        frame.Write("\n"u8);
        return frame.WrittenSpan.ToArray();
    }

    /// <summary>The <c>retry:</c> hint on its own: a field block with no data dispatches nothing.</summary>
    public static byte[] Retry(TimeSpan interval) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"retry: {(long)interval.TotalMilliseconds}\n\n"));
}
