using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Connections;

/// <summary>RFC 6455 violations: each gets its close code, and the server carries on.</summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:JoinTimeout"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, byte, byte[]> Violations() => new()
    {
        { "reserved opcode 3", 0x83, [0x01] },
        { "control frame over 125 bytes", 0x89, new byte[126] },
        { "fragmented control frame", 0x09, [0x01] },
        { "reserved bit set", 0xC2, [0x91, 0x04] },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task ProtocolViolation_IsClosedWith1002_AndTheServerCarriesOn(string violation, byte first, byte[] payload)
    {
        await using RawWebSocket raw = await RawWebSocket.ConnectAsync(_server.HttpBase);

        await raw.SendFrameAsync(first, payload);

        Assert.True(await raw.ReadCloseCodeAsync() == 1002, violation);
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "After");
        await player.NextAsync(MessageType.Delta);
    }

    // RFC 6455 5.1: a server must close the connection on an unmasked client frame (.NET's own WebSocket does not).
    [Fact]
    public async Task UnmaskedClientFrame_IsClosedWith1002_AndTheServerCarriesOn()
    {
        await using RawWebSocket raw = await RawWebSocket.ConnectAsync(_server.HttpBase);

        await raw.SendFrameAsync(0x82, [0x91, 0x04], masked: false);

        Assert.Equal(1002, await raw.ReadCloseCodeAsync());
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "After");
        await player.NextAsync(MessageType.Delta);
    }

    [Fact]
    public async Task UpgradeThenSilence_IsClosedWith1008AfterTheJoinTimeout()
    {
        await using RawWebSocket raw = await RawWebSocket.ConnectAsync(_server.HttpBase);

        Assert.Equal(1008, await raw.ReadCloseCodeAsync());
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1004)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(1016)]
    [InlineData(2999)]
    [InlineData(5000)]
    public async Task CloseWithAnInvalidCode_IsAnsweredWith1002_AndTheServerCarriesOn(int code)
    {
        await using RawWebSocket raw = await RawWebSocket.ConnectAsync(_server.HttpBase);

        await raw.SendFrameAsync(0x88, [(byte)(code >> 8), (byte)code]);

        Assert.Equal(1002, await raw.ReadCloseCodeAsync());
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "After");
        await player.NextAsync(MessageType.Delta);
    }
}
