using System.Net;
using System.Net.Sockets;
using GameServer.Security;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>Whom a connection of the lean listener counts against in the caps: its peer, or the client a trusted proxy names.</summary>
public sealed class ClientAddresses(IOptions<ConnectionLimitOptions> limits)
{
    private readonly IPAddress[] _trustedProxies = [.. limits.Value.TrustedProxies.Select(p => ConnectionCaps.Normalize(IPAddress.Parse(p)))];

    /// <summary>The socket's peer, or the client a trusted proxy forwarded for (the nearest address in X-Forwarded-For).</summary>
    internal IPAddress Of(Socket socket, RequestHead request)
    {
        IPAddress peer = ConnectionCaps.Normalize(((IPEndPoint)socket.RemoteEndPoint!).Address);
        if (!_trustedProxies.Contains(peer) || request.Header("X-Forwarded-For") is not string forwarded)
        {
            return peer;
        }

        return IPAddress.TryParse(forwarded.Split(',')[^1].Trim(), out IPAddress? client) ? client : peer;
    }
}
