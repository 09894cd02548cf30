using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace GameServer.Tests.Connections;

/// <summary>
/// A WebSocket client on a bare TCP socket, for sending what no well-behaved client library would: unmasked frames,
/// reserved opcodes, oversized control frames, invalid close codes.
/// </summary>
internal sealed class RawWebSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawWebSocket> ConnectAsync(Uri httpBase)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(httpBase.Host, httpBase.Port);
        var socket = new RawWebSocket(tcp);
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        string request = $"GET /ws HTTP/1.1\r\nHost: {httpBase.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: gameserver.v1\r\n\r\n";
        await socket._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        string response = await socket.ReadHeadersAsync();
        if (!response.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The upgrade was refused: " + response);
        }

        return socket;
    }

    /// <summary>Sends one frame exactly as given: first byte (FIN, RSV, opcode), then the payload, masked or not.</summary>
    public Task SendFrameAsync(byte first, byte[] payload, bool masked = true) => _stream.WriteAsync(Frame(first, payload, masked)).AsTask();

    /// <summary>Sends several frames in one write, so they arrive together.</summary>
    public Task SendFramesAsync(IEnumerable<byte[]> frames) => _stream.WriteAsync(frames.SelectMany(f => f).ToArray()).AsTask();

    /// <summary>A masked or unmasked client frame: first byte (FIN, RSV, opcode), then the payload.</summary>
    public static byte[] Frame(byte first, byte[] payload, bool masked = true)
    {
        var frame = new List<byte> { first };
        byte maskBit = masked ? (byte)0x80 : (byte)0;
        if (payload.Length < 126)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }

        byte[] mask = masked ? RandomNumberGenerator.GetBytes(4) : [];
        frame.AddRange(mask);
        for (int i = 0; i < payload.Length; i++)
        {
            frame.Add(masked ? (byte)(payload[i] ^ mask[i % 4]) : payload[i]);
        }

        return frame.ToArray();
    }

    /// <summary>Reads server frames until a close frame and returns its status code (null when the server hung up without one).</summary>
    public async Task<int?> ReadCloseCodeAsync()
    {
        while (await ReadFrameAsync() is (int opcode, byte[] payload))
        {
            if (opcode == 0x8)
            {
                return payload.Length >= 2 ? (payload[0] << 8) | payload[1] : 1005;
            }
        }

        return null;
    }

    /// <summary>The next server frame's opcode and payload; null when the server hung up.</summary>
    public async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        byte[] header = new byte[2];
        if (!await ReadExactlyOrEndAsync(header, timeout.Token))
        {
            return null;
        }

        long length = header[1] & 0x7F;
        if (length == 126)
        {
            byte[] extended = new byte[2];
            await _stream.ReadExactlyAsync(extended, timeout.Token);
            length = (extended[0] << 8) | extended[1];
        }
        else if (length == 127)
        {
            byte[] extended = new byte[8];
            await _stream.ReadExactlyAsync(extended, timeout.Token);
            length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(extended);
        }

        byte[] payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        return (header[0] & 0x0F, payload);
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            return false;
        }
    }

    private async Task<string> ReadHeadersAsync()
    {
        var text = new StringBuilder();
        byte[] one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await _stream.ReadExactlyAsync(one);
            text.Append((char)one[0]);
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
