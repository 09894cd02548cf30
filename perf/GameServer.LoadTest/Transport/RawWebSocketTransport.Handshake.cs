using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GameServer.Transport.Epoll;

namespace GameServer.LoadTest.Transport;

public sealed partial class RawWebSocketTransport
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        // Watched by an epoll loop from the start, as the server's sockets are: never registered with the runtime's
        // engine, which would otherwise be woken by every delta as well.
        var socket = new EpollSocket(new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, BotLoops.Next());
        try
        {
            await socket.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Close();
            throw new BotException(ErrorKind.ConnectFailed, ex.Message);
        }

        try
        {
            string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            string request =
                $"GET {_uri.PathAndQuery} HTTP/1.1\r\nHost: {_uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {_subProtocol}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);

            int headerEnd;
            while ((headerEnd = _buffer.AsSpan(0, _end).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (_end == _buffer.Length)
                {
                    throw new BotException(ErrorKind.HandshakeRejected, "The upgrade response's headers are too long.");
                }

                int read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new BotException(ErrorKind.HandshakeRejected, "The server closed the connection during the upgrade.");
                }

                _end += read;
            }

            CheckResponse(Encoding.ASCII.GetString(_buffer, 0, headerEnd), key, _subProtocol);
            _start = headerEnd + 4;
        }
        catch
        {
            socket.Close();
            throw;
        }

        // From here on every send is a non-blocking write of a few dozen bytes: see the type's remarks.
        _socket = socket;
    }

    private static void CheckResponse(string headers, string key, string subProtocol)
    {
        string[] lines = headers.Split("\r\n");
        if (!lines[0].StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new BotException(ErrorKind.HandshakeRejected, $"The server answered the upgrade with '{lines[0]}'.");
        }

        string expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
        bool accepted = false;
        bool protocol = false;
        foreach (string line in lines)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            accepted |= name.Equals("Sec-WebSocket-Accept", StringComparison.OrdinalIgnoreCase) && value == expected;
            protocol |= name.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase) && value == subProtocol;
        }

        if (!accepted || !protocol)
        {
            throw new BotException(ErrorKind.HandshakeRejected, accepted
                ? $"The server did not select the {subProtocol} subprotocol."
                : "The server's Sec-WebSocket-Accept does not match the key.");
        }
    }
}
