using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GameServer.Security;

/// <summary>
/// The per-IP and global caps on long-lived connections, shared by every path that opens one: the lean game
/// transport, Kestrel's WebSocket endpoint and the SSE feeds. Concurrency limiters: a lease is held for as long as the
/// connection lives, so a slot frees when it closes.
/// </summary>
public sealed class ConnectionCaps : IDisposable
{
    private readonly ConcurrencyLimiter _all;
    private readonly PartitionedRateLimiter<IPAddress> _perIp;

    public ConnectionCaps(IOptions<ConnectionLimitOptions> options)
    {
        ConnectionLimitOptions caps = options.Value;
        _all = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = caps.MaxConnections, QueueLimit = 0 });
        _perIp = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetConcurrencyLimiter(address,
            _ => new ConcurrencyLimiterOptions { PermitLimit = caps.MaxConnectionsPerIp, QueueLimit = 0 }));
    }

    /// <summary>A lease for one more connection from <paramref name="address"/>, or null when a cap is reached.</summary>
    public IDisposable? TryAcquire(IPAddress address)
    {
        address = Normalize(address);
        RateLimitLease all = _all.AttemptAcquire();
        if (!all.IsAcquired)
        {
            all.Dispose();
            return null;
        }

        RateLimitLease own = _perIp.AttemptAcquire(address);
        if (!own.IsAcquired)
        {
            own.Dispose();
            all.Dispose();
            return null;
        }

        return new Lease(all, own);
    }

    /// <summary>One key per client: an IPv4 peer on a dual-mode socket counts as the IPv4 address it is.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public void Dispose()
    {
        _all.Dispose();
        _perIp.Dispose();
    }

    private sealed class Lease(RateLimitLease all, RateLimitLease own) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                own.Dispose();
                all.Dispose();
            }
        }
    }
}
