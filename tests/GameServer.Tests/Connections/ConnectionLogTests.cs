using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Connections;

/// <summary>What an operator reads: log lines that name the player and carry readable event ids.</summary>
public sealed class ConnectionLogTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(configure: builder =>
    {
        builder.Logging.AddProvider(_logs);
        builder.Logging.AddFilter<CapturedLogs>("GameServer", LogLevel.Information);
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JoinAndLeave_AreLoggedWithThePlayersNameAndId()
    {
        TestPlayer player = await TestPlayer.JoinAsync(_server, "Grace");
        uint id = player.Welcome.PlayerId;
        await player.SendLeaveAsync();
        await player.WaitForCloseAsync();
        await player.DisposeAsync();

        Assert.Contains(_logs.Entries, e => e.Id is { Id: 30, Name: "PlayerJoined" } && e.Message.Contains($"Grace ({id})", StringComparison.Ordinal));
        Assert.True(await ServerCondition.WaitAsync(_server,
            () => _logs.Entries.Any(e => e.Id is { Id: 32, Name: "PlayerLeft" } && e.Message.Contains($"Grace ({id})", StringComparison.Ordinal)),
            TestPlayer.Patience));
        Assert.Contains(_logs.Entries, e => e.Id is { Id: 21, Name: "ConnectionClosing" } && e.Message.Contains($"Grace ({id})", StringComparison.Ordinal));
    }
}
