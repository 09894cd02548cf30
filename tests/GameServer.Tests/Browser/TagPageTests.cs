using System.Text.Json;
using GameServer.Protocol;
using GameServer.Simulation.Tag;
using GameServer.Tests.Infrastructure;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>The Tag page (clients/web/tag.html, js/tag.js) in Chromium against a real server: a second player on v2 joins its match.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TagPageTests
{
    // Join as the page writes it, without and with a game, for the server's reader to judge.
    private const string JoinScript = """
        async () => {
          const { encodeJoin } = await import('/js/codec.js');
          const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
          return [b64(encodeJoin('Ada')), b64(encodeJoin('Ada', null, null, 'tag'))];
        }
        """;

    private readonly BrowserFixture _browser;

    public TagPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task TagPage_SecondPlayerJoins_MatchStarts_ShowsBothPlayersAndWhoIsIt()
    {
        await using TestServer server = await StartServerAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.HttpBase, "/tag?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");

        // The page asked for Tag on v2, and the Welcome's schema says it got it.
        Assert.Equal(TagSchema.GameName, state.GetProperty("game").GetString());
        Assert.Equal(ProtocolConstants.SubProtocolV2, state.GetProperty("protocol").GetString());
        await Assertions.Expect(page.Locator("#hud-status")).ToHaveTextAsync("waiting for a second player");

        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        Assert.Equal(state.GetProperty("matchId").GetUInt32(), bob.Welcome.MatchId);
        Assert.Equal(TagSchema.GameName, bob.V2!.Schema!.Game);

        state = await WaitForStateAsync(page, "s.phase === 2 && s.players.length === 2 && s.players.filter((p) => p.it === 1).length === 1");
        JsonElement it = state.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("it").GetInt32() == 1);
        string itName = it.GetProperty("name").GetString()!;
        Assert.Equal(["Ada", "Bob"], state.GetProperty("players").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        // Bob's own decoder, on the server's side of the wire, agrees on who is it.
        await bob.WaitForWorldAsync(_ => bob.V2.World!.Phase == MatchPhase.Running);
        Assert.Equal(it.GetProperty("id").GetUInt32(), ItIn(bob));

        // The scoreboard lists both, with whoever is it marked, and the HUD names it.
        ILocator scoreboard = page.Locator("#scoreboard li");
        await Assertions.Expect(scoreboard).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#scoreboard li.it")).ToContainTextAsync(itName);
        await Assertions.Expect(page.Locator("#scoreboard li.me")).ToContainTextAsync("Ada");
        await Assertions.Expect(page.Locator("#hud-it")).ToHaveTextAsync(itName == "Ada" ? "you!" : itName);

        // The field is drawn from the schema: 1000 x 700 world units, its grass at the top-left corner inside the edge.
        Assert.Equal(700, await page.EvaluateAsync<int>("() => document.getElementById('canvas').height"));
        await page.WaitForFunctionAsync("() => window.gameState.framesDrawn > 10");
        int[] pixel = await page.EvaluateAsync<int[]>(
            "() => Array.from(document.getElementById('canvas').getContext('2d').getImageData(10, 10, 1, 1).data)");
        Assert.Equal([0x14, 0x26, 0x1c, 0xff], pixel);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("tag.png") });
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task TagPage_HeldKey_MovesItsPlayer()
    {
        await using TestServer server = await StartServerAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/tag?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");
        uint playerId = state.GetProperty("playerId").GetUInt32();
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob", version: ProtocolConstants.Version2, game: TagSchema.GameName);

        // Once running, every player stands at its spawn; the page runs towards the side with more room.
        state = await WaitForStateAsync(page, "s.phase === 2 && s.own !== null");
        int startX = state.GetProperty("own").GetProperty("x").GetInt32();
        bool right = startX < TagRules.Width / 2;
        // About a second of running (300 world units a second, more when it): long enough that a wrong rule shows.
        int distance = 300 * Quantization.PositionScale;

        int correctionsBefore = state.GetProperty("corrections").GetInt32();
        int sentBefore = state.GetProperty("sent").GetInt32();
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.DownAsync(right ? "KeyD" : "ArrowLeft");
        state = await WaitForStateAsync(page, right ? $"s.own.x > {startX + distance}" : $"s.own.x < {startX - distance}");
        await page.Keyboard.UpAsync(right ? "KeyD" : "ArrowLeft");

        // The own player is predicted with the server's rule (GET /tag.json): once stopped it stands exactly where the
        // server has it, and the run needed few corrections. A wrong rule corrects on nearly every state frame while it
        // moves, so about once per input sent; a right one only where an input's timing differs from the server's
        // (two inputs reaching one tick on a loaded machine, the key's press and release, a tag): at most half.
        JsonElement stopped = await WaitForStateAsync(page, "s.own.vx === 0 && s.predicted !== null && s.predicted.x === s.own.x && s.predicted.y === s.own.y");
        int corrections = stopped.GetProperty("corrections").GetInt32() - correctionsBefore;
        int inputs = stopped.GetProperty("sent").GetInt32() - sentBefore;
        Assert.True(corrections * 2 <= inputs, $"{corrections} corrections over {inputs} inputs.");

        // The server moved it: Bob sees the page's player where the page's state has it, or further on.
        await bob.WaitForWorldAsync(_ => XIn(bob, playerId) - startX is int dx && (right ? dx : -dx) > distance);
        Assert.True(state.GetProperty("ack").GetUInt32() > 0);
        Assert.Equal(0, state.GetProperty("refusals").GetInt32());
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task EncodeJoin_WritesTheGameOnlyWhenGiven_AsTheServerReadsIt()
    {
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(server.HttpBase.ToString());

        string[] joins = await page.EvaluateAsync<string[]>(JoinScript);

        byte[] plain = Convert.FromBase64String(joins[0]);
        byte[] tag = Convert.FromBase64String(joins[1]);
        Assert.Equal(4, new MessagePackReader(plain).ReadArrayHeader());
        Assert.Equal(5, new MessagePackReader(tag).ReadArrayHeader());
        Assert.Null(ReadJoin(plain).Game);
        Assert.Equal(TagSchema.GameName, ReadJoin(tag).Game);
        Assert.Empty(errors);
    }

    /// <summary>A server whose Tag matches wait for two players (the default countdown of 3 s follows).</summary>
    private static Task<TestServer> StartServerAsync() =>
        TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:MinPlayersToStart"] = "2" });

    private static JoinMessage ReadJoin(byte[] frame)
    {
        Assert.Equal(DecodeStatus.Ok, ClientMessageReader.TryRead(new(frame), null, default, out ClientMessage message, out _));
        return message.Join;
    }

    private static uint ItIn(TestPlayer player)
    {
        var world = player.V2!.World!;
        for (int i = 0; i < world.Count; i++)
        {
            if (world.ValuesAt(i)[TagSchema.It] == 1)
            {
                return world.Ids[i];
            }
        }

        return 0;
    }

    private static int XIn(TestPlayer player, uint id)
    {
        var world = player.V2!.World!;
        for (int i = 0; i < world.Count; i++)
        {
            if (world.Ids[i] == id)
            {
                return world.ValuesAt(i)[TagSchema.X];
            }
        }

        throw new InvalidOperationException($"Player {id} is not in the world.");
    }

    private static async Task<JsonElement> WaitForStateAsync(IPage page, string condition)
    {
        await page.WaitForFunctionAsync($"() => {{ const s = window.gameState; return s !== undefined && ({condition}); }}");
        return await page.EvaluateAsync<JsonElement>("() => window.gameState");
    }
}
