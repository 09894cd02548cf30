using GameServer.Protocol;
using GameServer.Protocol.Schema;

namespace GameServer.Client.Tests;

/// <summary>
/// The SDK playing Tag, a game it has no code for: it asks for the game by name, reads the state through the schema
/// world by field names and sends input values in the schema's order.
/// </summary>
public sealed class TagClientTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JoinAsync_GameTag_GetsTheTagSchemaAndMovesByInputValues()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, new GameClientOptions { Game = "tag" });

        await client.JoinAsync("Ada");

        GameSchema schema = client.Schema!;
        Assert.Equal("tag", schema.Game);
        Assert.Equal(["moveX", "moveY"], schema.Input.Select(field => field.Name));
        int x = schema.FieldIndex("x");
        int startX = OwnValues(client)[x];

        // Towards the middle, so no edge stops the player whatever its spawn.
        int moveX = startX < schema.Fields[x].Max / 2 ? 127 : -127;
        uint sequence = await client.SendInputValuesAsync(new[] { moveX, 0 });

        await client.WaitForWorldAsync(_ => client.AcknowledgedInput >= sequence && (OwnValues(client)[x] - startX) * moveX > 0);
    }

    [Fact]
    public async Task MatchmakeAsync_GameTag_SeatsInATagMatch()
    {
        await using GameClient client = await GameClient.MatchmakeAsync(_server.HttpBase, "Ada", options: new GameClientOptions { Game = "tag" });

        Assert.Equal("tag", client.Schema!.Game);
        Assert.True(client.SchemaWorld!.IndexOf(client.Welcome.PlayerId) >= 0);
    }

    [Fact]
    public async Task JoinAsync_UnknownGame_ThrowsUnsupportedGameNamingTheGames()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, new GameClientOptions { Game = "chess" });

        GameClientException refused = await Assert.ThrowsAsync<GameClientException>(() => client.JoinAsync("Ada"));

        Assert.Equal(ErrorCode.UnsupportedGame, refused.Error!.Value.Code);
        Assert.Contains("tag", refused.Message, StringComparison.Ordinal);
        Assert.True(client.IsConnected, "A refused join leaves the connection open for another.");
    }

    [Fact]
    public async Task JoinAsync_GameTagOnProtocol1_ThrowsUnsupportedGameNamingVersion2()
    {
        var options = new GameClientOptions { Game = "tag", ProtocolVersion = ProtocolConstants.Version };
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, options);

        GameClientException refused = await Assert.ThrowsAsync<GameClientException>(() => client.JoinAsync("Ada"));

        Assert.Equal(ErrorCode.UnsupportedGame, refused.Error!.Value.Code);
        Assert.Contains(ProtocolConstants.SubProtocolV2, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchmakeAsync_UnknownGame_ThrowsWithTheServers404()
    {
        GameClientException refused = await Assert.ThrowsAsync<GameClientException>(
            () => GameClient.MatchmakeAsync(_server.HttpBase, "Ada", options: new GameClientOptions { Game = "chess" }));

        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
        Assert.Contains("tag", refused.Message, StringComparison.Ordinal);
    }

    private static Span<int> OwnValues(GameClient client) =>
        client.SchemaWorld!.ValuesAt(client.SchemaWorld.IndexOf(client.Welcome.PlayerId));
}
