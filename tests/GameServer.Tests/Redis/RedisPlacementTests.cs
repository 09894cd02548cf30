using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;

namespace GameServer.Tests.Redis;

/// <summary>Two nodes on one Redis: POST /matchmaking on either places over both, and the player plays on the owner.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisPlacementTests(RedisServer redis) : IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private TestServer _a = null!;
    private TestServer _b = null!;

    public async Task InitializeAsync()
    {
        // No Redis:NodeAddress: each node advertises the URL it listens on, which the players here can reach.
        _a = await TestServer.StartAsync(Settings());
        _b = await TestServer.StartAsync(Settings());
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Post_FullestMatchOnAnotherNode_PlacesThePlayerThereToPlay()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_b, "Ada");
        await ListedOnAsync(_a, ada.Welcome.MatchId);
        using HttpClient http = _a.CreateHttpClient();

        Matchmaking.Placement placed = await Matchmaking.PostAsync(http);
        await using TestPlayer bob = await TestPlayer.ConnectAsync(placed.SeatUri);
        await bob.SendJoinAsync("Bob", placed.MatchId);
        await bob.ExpectWelcomeAndSnapshotAsync();
        await bob.NextAsync(MessageType.Delta);

        Assert.Equal(ada.Welcome.MatchId, placed.MatchId);
        Assert.Equal(_b.WebSocketUri.ToString(), placed.Url);
        Assert.Equal(ada.Welcome.MatchId, bob.Welcome.MatchId);
    }

    [Fact]
    public async Task Seat_ReservedByAnotherNode_IsNotTakenByTheOwnersQuickJoin()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_b, "Ada");
        await ListedOnAsync(_a, ada.Welcome.MatchId);
        using HttpClient http = _a.CreateHttpClient();
        Matchmaking.Placement placed = await Matchmaking.PostAsync(http);

        // Capacity 2: Ada and the reservation fill B's match, so B's own quick join opens another.
        await using TestPlayer carol = await TestPlayer.JoinAsync(_b, "Carol");
        await using TestPlayer bob = await TestPlayer.ConnectAsync(placed.SeatUri);
        await bob.SendJoinAsync("Bob");
        await bob.ExpectWelcomeAndSnapshotAsync();

        Assert.NotEqual(ada.Welcome.MatchId, carol.Welcome.MatchId);
        Assert.Equal(ada.Welcome.MatchId, bob.Welcome.MatchId);
    }

    [Fact]
    public async Task Post_SeatTheOwnerHoldsForItsOwnPlacement_IsCountedByTheOtherNode()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_b, "Ada");
        using HttpClient onB = _b.CreateHttpClient();
        using HttpClient onA = _a.CreateHttpClient();

        // B holds its match's last seat (capacity 2) in memory for a player on the way; A learns it from B's lease.
        Matchmaking.Placement held = await Matchmaking.PostAsync(onB);
        Assert.Equal(ada.Welcome.MatchId, held.MatchId);
        IMatchDirectory directory = _a.GetService<IMatchDirectory>();
        await Eventually.TrueAsync(async () => (await directory.FindAsync(ada.Welcome.MatchId))?.Summary.Seats == 2);

        Matchmaking.Placement placed = await Matchmaking.PostAsync(onA);

        Assert.NotEqual(ada.Welcome.MatchId, placed.MatchId);
    }

    [Fact]
    public async Task Join_MatchOnAnotherNode_IsAnsweredWithMatchNotFoundNamingTheNode()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_b, "Ada");
        await ListedOnAsync(_a, ada.Welcome.MatchId);
        await using TestPlayer bob = await TestPlayer.ConnectAsync(_a);

        await bob.SendJoinAsync("Bob", ada.Welcome.MatchId);

        ErrorMessage error = (await bob.NextAsync(MessageType.Error)).Error;
        Assert.Equal(ErrorCode.MatchNotFound, error.Code);
        Assert.Contains(_b.HttpBase.ToString().TrimEnd('/'), error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /matchmaking", error.Message, StringComparison.Ordinal);
    }

    private static Task ListedOnAsync(TestServer node, uint matchId)
    {
        IMatchDirectory directory = node.GetService<IMatchDirectory>();
        return Eventually.TrueAsync(async () => await directory.FindAsync(matchId) is not null);
    }

    private Dictionary<string, string?> Settings()
    {
        Dictionary<string, string?> settings = RedisClusterSettings.For(redis, _prefix, nodeAddress: "");
        settings["Matchmaking:Capacity"] = "2";
        return settings;
    }
}
