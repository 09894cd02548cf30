using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Connections;

/// <summary>A matchmaker that answers later, as a networked one does: the Join waits for the placement, then goes on as ever.</summary>
public sealed class LateMatchmakerTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        configure: builder => builder.Services.AddSingleton<IMatchmaker>(services =>
            new LateMatchmaker(ActivatorUtilities.CreateInstance<InProcessMatchmaker>(services))));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Join_PlacementAnsweredLater_IsWelcomedIntoThatMatch()
    {
        await using TestPlayer ann = await TestPlayer.JoinAsync(_server, "Ann");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob", ann.Welcome.MatchId);

        Assert.Equal(ann.Welcome.MatchId, bob.Welcome.MatchId);
        await bob.NextAsync(MessageType.Delta);
    }

    [Fact]
    public async Task Join_RefusalAnsweredLater_LeavesThePlayerFreeToJoinAgain()
    {
        await using TestPlayer ann = await TestPlayer.ConnectAsync(_server);
        await ann.SendJoinAsync("Ann", 4242);
        Assert.Equal(ErrorCode.MatchNotFound, (await ann.NextAsync(MessageType.Error)).Error.Code);

        await ann.SendJoinAsync("Ann");
        await ann.ExpectWelcomeAndSnapshotAsync();
    }

    private sealed class LateMatchmaker(InProcessMatchmaker inner) : IMatchmaker
    {
        public async ValueTask<MatchPlacement> QuickJoinAsync(string? game = null, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.QuickJoinAsync(game, scope, cancellationToken);
        }

        public async ValueTask<MatchPlacement> JoinAsync(uint matchId, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.JoinAsync(matchId, scope, cancellationToken);
        }
    }
}
