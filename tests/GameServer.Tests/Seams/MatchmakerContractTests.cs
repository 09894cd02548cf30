using GameServer.Matches;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Seams;

/// <summary>How every <see cref="IMatchmaker"/> places players, on a node whose matches hold 3.</summary>
public abstract class MatchmakerContractTests : IAsyncLifetime
{
    private TestServer _node = null!;

    private IMatchmaker Matchmaker => _node.GetService<IMatchmaker>();

    /// <summary>Starts a node with these settings, its matchmaker and directory being those under test.</summary>
    protected abstract Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings);

    public async Task InitializeAsync() => _node = await StartNodeAsync(new Dictionary<string, string?>
    {
        ["Matchmaking:Capacity"] = "3",
        ["Matchmaking:EmptyMatchTimeout"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task QuickJoinAsync_FillsAMatchBeforeOpeningAnother()
    {
        MatchPlacement[] placements = [await Matchmaker.QuickJoinAsync(), await Matchmaker.QuickJoinAsync(), await Matchmaker.QuickJoinAsync(), await Matchmaker.QuickJoinAsync()];

        Assert.All(placements, p => Assert.Equal(JoinOutcome.Joined, p.Outcome));
        Assert.Equal(placements[0].MatchId, placements[1].MatchId);
        Assert.Equal(placements[0].MatchId, placements[2].MatchId);
        Assert.NotEqual(placements[0].MatchId, placements[3].MatchId);
    }

    [Fact]
    public async Task QuickJoinAsync_TwoOpenMatches_PlacesInTheFullest()
    {
        await using TestPlayer a1 = await TestPlayer.JoinAsync(_node, "A1");
        await using TestPlayer a2 = await TestPlayer.JoinAsync(_node, "A2");
        TestPlayer a3 = await TestPlayer.JoinAsync(_node, "A3");
        uint fuller = a1.Welcome.MatchId;
        uint emptier = (await Matchmaker.QuickJoinAsync()).MatchId;
        Assert.NotEqual(fuller, emptier);

        await a3.SendLeaveAsync();
        await a3.DisposeAsync();
        await Eventually.TrueAsync(async () => (await _node.GetService<IMatchDirectory>().FindAsync(fuller))?.Summary.Players.Count == 2);

        Assert.Equal(fuller, (await Matchmaker.QuickJoinAsync()).MatchId);
    }

    [Fact]
    public async Task JoinAsync_OpenMatch_HoldsASeatThere()
    {
        uint matchId = (await Matchmaker.QuickJoinAsync()).MatchId;

        MatchPlacement placement = await Matchmaker.JoinAsync(matchId);

        Assert.Equal(JoinOutcome.Joined, placement.Outcome);
        Assert.Equal(matchId, placement.MatchId);
    }

    [Fact]
    public async Task JoinAsync_FullMatch_IsFull()
    {
        uint matchId = (await Matchmaker.QuickJoinAsync()).MatchId;
        await Matchmaker.JoinAsync(matchId);
        await Matchmaker.JoinAsync(matchId);

        Assert.Equal(JoinOutcome.Full, (await Matchmaker.JoinAsync(matchId)).Outcome);
    }

    [Fact]
    public async Task JoinAsync_UnknownId_IsNotFound()
    {
        Assert.Equal(JoinOutcome.NotFound, (await Matchmaker.JoinAsync(4242)).Outcome);
    }

    [Fact]
    public async Task JoinAsync_RemovedMatch_IsNotFound()
    {
        uint matchId = await EndedMatch.OpenAndEndAsync(_node);

        Assert.Equal(JoinOutcome.NotFound, (await Matchmaker.JoinAsync(matchId)).Outcome);
    }
}
