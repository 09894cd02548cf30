using GameServer.Arena.Wire;

namespace GameServer.Client.Tests;

public sealed class MatchmakingTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MatchmakeAsync_FromTheHttpBase_JoinsTheSeatsMatchAndResumesOnItsNode()
    {
        await using GameClient ada = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await ada.JoinAsync("Ada");

        await using GameClient bob = await GameClient.MatchmakeAsync(_server.HttpBase, "Bob", options: ArenaClient.Options());
        Assert.Equal(ada.Welcome.MatchId, bob.Welcome.MatchId);
        uint playerId = bob.Welcome.PlayerId;

        // The seat is used up: the resume goes to the same node without it, and keeps the player.
        bob.Abort();
        await bob.ResumeAsync();

        Assert.Equal(playerId, bob.Welcome.PlayerId);
        Assert.True(bob.TryGetOwnPlayer(out EntityState own));
        Assert.Equal("Bob", own.Name);
    }

    [Fact]
    public async Task MatchmakeAsync_NoSuchMatch_ThrowsWithTheServersAnswer()
    {
        GameClientException refused = await Assert.ThrowsAsync<GameClientException>(() => GameClient.MatchmakeAsync(_server.HttpBase, "Bob", matchId: 999));

        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
    }
}
