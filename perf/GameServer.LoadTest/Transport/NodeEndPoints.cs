using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// The socket address of each node a bot connects to, resolved once per host and port: the node the swarm was
/// pointed at, and those POST /matchmaking sends bots to. A node that is not on loopback is refused unless allowed.
/// </summary>
internal sealed class NodeEndPoints(bool allowRemote)
{
    private readonly ConcurrentDictionary<string, EndPoint> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<EndPoint> ResolveAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(uri.Authority, out EndPoint? known))
        {
            return known;
        }

        IPAddress[] addresses = await Dns.GetHostAddressesAsync(uri.Host, cancellationToken).ConfigureAwait(false);
        IPAddress address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"{uri.Host} does not resolve to an address.");
        if (!allowRemote && !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"{uri.Host} ({address}) is not a loopback address; pass --allow-remote to load a server you run elsewhere.");
        }

        return _resolved[uri.Authority] = new IPEndPoint(address, uri.Port);
    }
}
