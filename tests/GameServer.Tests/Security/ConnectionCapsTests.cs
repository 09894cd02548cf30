using System.Net;
using GameServer.Security;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Security;

public sealed class ConnectionCapsTests
{
    private static readonly IPAddress s_first = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress s_second = IPAddress.Parse("10.0.0.2");

    [Fact]
    public void PerIpCap_RefusesTheAddressAtItsCap_ButNotAnother()
    {
        var caps = Create(perIp: 2, all: 10);
        Assert.NotNull(caps.TryAcquire(s_first));
        Assert.NotNull(caps.TryAcquire(s_first));

        Assert.Null(caps.TryAcquire(s_first));
        Assert.NotNull(caps.TryAcquire(s_second));
    }

    [Fact]
    public void GlobalCap_RefusesEveryAddress_UntilALeaseIsReleased()
    {
        var caps = Create(perIp: 5, all: 2);
        IDisposable? first = caps.TryAcquire(s_first);
        Assert.NotNull(first);
        Assert.NotNull(caps.TryAcquire(s_second));

        Assert.Null(caps.TryAcquire(IPAddress.Parse("10.0.0.3")));
        first.Dispose();
        Assert.NotNull(caps.TryAcquire(IPAddress.Parse("10.0.0.3")));
    }

    [Fact]
    public void ReleasingALeaseTwice_FreesOneSlotOnly()
    {
        var caps = Create(perIp: 1, all: 10);
        IDisposable? lease = caps.TryAcquire(s_first);
        Assert.NotNull(lease);
        lease.Dispose();
        lease.Dispose();

        Assert.NotNull(caps.TryAcquire(s_first));
        Assert.Null(caps.TryAcquire(s_first));
    }

    [Fact]
    public void AnIpv4PeerOnADualModeSocket_CountsAsItsIpv4Address()
    {
        var caps = Create(perIp: 1, all: 10);
        Assert.NotNull(caps.TryAcquire(s_first));

        Assert.Null(caps.TryAcquire(s_first.MapToIPv6()));
    }

    private static ConnectionCaps Create(int perIp, int all) =>
        new(Options.Create(new ConnectionLimitOptions { MaxConnectionsPerIp = perIp, MaxConnections = all }));
}
