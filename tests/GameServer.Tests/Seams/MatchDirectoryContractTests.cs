using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Seams;

/// <summary>What every <see cref="IMatchDirectory"/> lists, read on a node whose matchmaker opens the matches.</summary>
public abstract class MatchDirectoryContractTests : IAsyncLifetime
{
    private TestServer _node = null!;

    /// <summary>The address the directory gives for the node's own matches.</summary>
    protected abstract NodeAddress ThisNode { get; }

    private IMatchDirectory Directory => _node.GetService<IMatchDirectory>();

    /// <summary>Starts a node with these settings, its directory and matchmaker being those under test.</summary>
    protected abstract Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings);

    public async Task InitializeAsync() => _node = await StartNodeAsync(new Dictionary<string, string?>
    {
        ["Matchmaking:Capacity"] = "3",
        ["Matchmaking:MinPlayersToStart"] = "2",
        ["Matchmaking:EmptyMatchTimeout"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task FindAsync_UnknownId_IsNullAndNotRemoved()
    {
        Assert.Null(await Directory.FindAsync(4242));
        Assert.False(await Directory.WasRemovedAsync(4242));
        Assert.DoesNotContain(await Directory.ListAsync(), m => m.Id == 4242);
    }

    [Fact]
    public async Task FindAsync_MatchOpened_IsListedWithItsNodePhaseAndCapacity()
    {
        MatchPlacement placement = await _node.GetService<IMatchmaker>().QuickJoinAsync();

        MatchListing? listing = await Directory.FindAsync(placement.MatchId);

        Assert.NotNull(listing);
        Assert.Equal(placement.MatchId, listing.Id);
        Assert.Equal(ThisNode, listing.Node);
        Assert.Equal(MatchPhase.Waiting, listing.Summary.Phase);
        Assert.Equal(3, listing.Summary.Capacity);
        Assert.Empty(listing.Summary.Players);
        Assert.Contains(await Directory.ListAsync(), m => m.Id == placement.MatchId && m.Node == ThisNode);
    }

    [Fact]
    public async Task ListAsync_MatchesOpened_AreListedInIdOrder()
    {
        IMatchmaker matchmaker = _node.GetService<IMatchmaker>();
        for (int i = 0; i < 4; i++)
        {
            await matchmaker.QuickJoinAsync();
        }

        IReadOnlyList<MatchListing> listings = await Directory.ListAsync();

        Assert.Equal(2, listings.Count);
        Assert.True(listings[0].Id < listings[1].Id);
    }

    [Fact]
    public async Task FindAsync_PlayersJoined_ListsThemAndThePhaseTheyStarted()
    {
        await using TestPlayer ann = await TestPlayer.JoinAsync(_node, "Ann");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_node, "Bob", ann.Welcome.MatchId);

        await Eventually.TrueAsync(async () => (await Directory.FindAsync(ann.Welcome.MatchId))?.Summary.Players.Count == 2);
        MatchListing listing = (await Directory.FindAsync(ann.Welcome.MatchId))!;

        Assert.Equal(["Ann", "Bob"], listing.Summary.Players.Select(p => p.Name).Order());
        Assert.NotEqual(MatchPhase.Waiting, listing.Summary.Phase);
    }

    [Fact]
    public async Task WasRemovedAsync_MatchEnded_IsTrueAndTheMatchIsNoLongerListed()
    {
        uint matchId = await EndedMatch.OpenAndEndAsync(_node);

        Assert.Null(await Directory.FindAsync(matchId));
        Assert.DoesNotContain(await Directory.ListAsync(), m => m.Id == matchId);
    }
}
