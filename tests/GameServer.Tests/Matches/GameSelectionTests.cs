using System.Net.WebSockets;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation.Tag;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Matches;

/// <summary>
/// Two games on one server, chosen per match by Join's game (protocol.md, Games): each quick join lands in a match of
/// its game, Tag is played on v2 by its own schema, and a request the server cannot serve is refused with Error 8
/// while the players already in the match play on.
/// </summary>
public sealed class GameSelectionTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Matchmaking:MinPlayersToStart"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task QuickJoins_OfTwoGames_LandInMatchesOfTheirGame_AndTagPlaysOnItsSchema()
    {
        await using TestPlayer chaser = await TestPlayer.JoinAsync(_server, "Chaser", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        await using TestPlayer runner = await TestPlayer.JoinAsync(_server, "Runner", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        await using TestPlayer shooter = await TestPlayer.JoinAsync(_server, "Shooter", version: ProtocolConstants.Version2);

        Assert.Equal(chaser.Welcome.MatchId, runner.Welcome.MatchId);
        Assert.NotEqual(chaser.Welcome.MatchId, shooter.Welcome.MatchId);
        Assert.Equal(TagSchema.GameName, runner.V2!.Schema!.Game);
        Assert.Equal(TagSchema.For(TagRules.ForTickRate(30)).ToBytes(), runner.V2.Schema.ToBytes());
        Assert.Equal("arena", shooter.V2!.Schema!.Game);

        // Two players start the match; "it" is one of them, and input moves the runner along x on its schema.
        await runner.WaitForWorldAsync(_ => runner.V2.World!.Phase == MatchPhase.Running);
        uint runnerId = runner.Welcome.PlayerId;
        int startX = TagValue(runner, runnerId, TagSchema.X);
        int it = TagValue(runner, runnerId, TagSchema.It) + TagValue(runner, chaser.Welcome.PlayerId, TagSchema.It);
        Assert.Equal(1, it);
        await runner.SendAsync(w => FrameWriter.WriteInput(w, 1, runner.V2.World!.Tick, 0, [startX > TagRules.Width / 2 ? -127 : 127, 0]));
        await runner.WaitForWorldAsync(_ => TagValue(runner, runnerId, TagSchema.X) != startX);

        using HttpClient http = _server.CreateHttpClient();
        JsonElement matches = await http.GetFromJsonAsync<JsonElement>("/matches");
        Assert.Equal(TagSchema.GameName, Listing(matches, runner.Welcome.MatchId).GetProperty("game").GetString());
        Assert.Equal("arena", Listing(matches, shooter.Welcome.MatchId).GetProperty("game").GetString());
    }

    [Fact]
    public async Task V1Player_AskingForTag_GetsError8_AndCanStillPlayArena()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);

        await player.SendJoinAsync("Old", game: TagSchema.GameName);
        ServerMessage refusal = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.UnsupportedGame, refusal.Error.Code);
        Assert.Contains(ProtocolConstants.SubProtocolV2, refusal.Error.Message);

        await player.SendJoinAsync("Old");
        await player.ExpectWelcomeAndSnapshotAsync();
    }

    [Fact]
    public async Task V1Player_JoiningATagMatchById_GetsError8_ItsSeatIsGivenBack_AndTheTagPlayerKeepsEveryTick()
    {
        await using TestPlayer tagger = await TestPlayer.JoinAsync(_server, "Tagger", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        MatchHost match = _server.GetService<LocalMatches>().Find(tagger.Welcome.MatchId)!;
        await using TestPlayer old = await TestPlayer.ConnectAsync(_server);

        await old.SendJoinAsync("Old", tagger.Welcome.MatchId);

        Assert.Equal(ErrorCode.UnsupportedGame, (await old.NextAsync(MessageType.Error)).Error.Code);
        Assert.Equal(1, match.Seats);
        await AssertEveryTickAsync(tagger);
    }

    public static TheoryData<string, string> MalformedGameJoins() => new()
    {
        { "game not a string", "95 01 a3 416461 c0 c0 07" },
        { "game string over 64 bytes", "95 01 a3 416461 c0 c0 d9 41" + string.Concat(Enumerable.Repeat("61", 65)) },
        { "game invalid utf-8", "95 01 a3 416461 c0 c0 a2 c328" },
    };

    [Theory]
    [MemberData(nameof(MalformedGameJoins))]
    public async Task Join_WithAMalformedGame_ClosesWith1007_WhileATagPlayerKeepsEveryTick(string attack, string hex)
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Bystander", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        await using TestPlayer attacker = await TestPlayer.ConnectAsync(_server, version: ProtocolConstants.Version2);

        await attacker.SendRawAsync(Convert.FromHexString(hex.Replace(" ", string.Empty)));

        Assert.True(WebSocketCloseStatus.InvalidPayloadData == await attacker.WaitForCloseAsync(), attack);
        await AssertEveryTickAsync(bystander);
    }

    [Fact]
    public async Task Join_WithAGameWhileInAMatch_IsInvalidState_AndTheMatchPlaysOn()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada", version: ProtocolConstants.Version2, game: TagSchema.GameName);

        await player.SendJoinAsync("Ada", game: "arena");

        Assert.Equal(ErrorCode.InvalidState, (await player.NextAsync(MessageType.Error)).Error.Code);
        await AssertEveryTickAsync(player);
    }

    [Fact]
    public async Task Join_ForAGameTheServerDoesNotRun_GetsError8_NamingTheGames()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server, version: ProtocolConstants.Version2);

        await player.SendJoinAsync("Ada", game: "chess");

        ServerMessage refusal = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.UnsupportedGame, refusal.Error.Code);
        Assert.Contains("arena, tag", refusal.Error.Message);
        Assert.Empty(_server.GetService<LocalMatches>().Matches);
    }

    [Fact]
    public async Task DefaultGame_Tag_IsWhatAJoinWithoutAGamePlays()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:Game"] = TagSchema.GameName });

        await using TestPlayer player = await TestPlayer.JoinAsync(server, "Ada", version: ProtocolConstants.Version2);

        Assert.Equal(TagSchema.GameName, player.V2!.Schema!.Game);
    }

    [Fact]
    public async Task DefaultGame_NotRegistered_StartFailsNamingTheGames()
    {
        OptionsValidationException exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:Game"] = "chess" }));

        Assert.Contains("Matchmaking:Game is \"chess\"; the games are arena, tag.", exception.Message);
    }

    /// <summary>The player's next ten deltas come one a tick, none missed.</summary>
    private static async Task AssertEveryTickAsync(TestPlayer player)
    {
        List<ServerMessage> ticks = [];
        for (int i = 0; i < 10; i++)
        {
            ticks.Add(await player.NextAsync(MessageType.Delta));
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => ticks[0].Tick + (uint)i), ticks.Select(t => t.Tick));
    }

    private static int TagValue(TestPlayer player, uint playerId, int field) =>
        player.V2!.World!.ValuesAt(player.V2.World.IndexOf(playerId))[field];

    private static JsonElement Listing(JsonElement matches, uint matchId) =>
        matches.EnumerateArray().Single(m => m.GetProperty("id").GetUInt32() == matchId);
}
