using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace GameServer.Security;

/// <summary>
/// The per-IP and global caps on long-lived connections, shared by every path that opens one: the lean game
/// transport, Kestrel's WebSocket endpoint and the SSE feeds. A lease is held for as long as the connection lives, so
/// a slot frees when it closes.
/// </summary>
/// <remarks>
/// Counts under one lock rather than System.Threading.RateLimiting's partitioned limiter: that one runs a timer ten
/// times a second for as long as the server lives, which an idle server paid for (perf/RESULTS.md, "Idle").
/// </remarks>
public sealed class ConnectionCaps
{
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, int> _perIp = [];
    private readonly int _maxPerIp;
    private readonly int _maxAll;
    private int _all;

    public ConnectionCaps(IOptions<ConnectionLimitOptions> options)
    {
        _maxPerIp = options.Value.MaxConnectionsPerIp;
        _maxAll = options.Value.MaxConnections;
    }

    /// <summary>A lease for one more connection from <paramref name="address"/>, or null when a cap is reached.</summary>
    public IDisposable? TryAcquire(IPAddress address)
    {
        address = Normalize(address);
        lock (_lock)
        {
            if (_all == _maxAll)
            {
                return null;
            }

            ref int own = ref CollectionsMarshal.GetValueRefOrAddDefault(_perIp, address, out _);
            if (own == _maxPerIp)
            {
                return null;
            }

            own++;
            _all++;
        }

        return new Lease(this, address);
    }

    /// <summary>One key per client: an IPv4 peer on a dual-mode socket counts as the IPv4 address it is.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private void Release(IPAddress address)
    {
        lock (_lock)
        {
            _all--;
            ref int own = ref CollectionsMarshal.GetValueRefOrNullRef(_perIp, address);
            if (--own == 0)
            {
                // An address that holds nothing is forgotten, so a scan of many addresses leaves nothing behind.
                _perIp.Remove(address);
            }
        }
    }

    private sealed class Lease(ConnectionCaps caps, IPAddress address) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                caps.Release(address);
            }
        }
    }
}
