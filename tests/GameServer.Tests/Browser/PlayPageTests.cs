using System.Text.Json;
using System.Text.RegularExpressions;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PlayPageTests
{
    private readonly BrowserFixture _browser;

    public PlayPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_Joins_DrawsTheWorld()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        using var metrics = new MetricProbe(server);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null && s.framesDrawn > 10");

        // The page joined with a seat from POST /matchmaking, taken at once.
        Assert.Equal(1, metrics.Total("gameserver.seats.reserved[local]"));
        Assert.Equal(0, metrics.Total("gameserver.seats.refused"));
        Assert.Equal("Ada", state.GetProperty("own").GetProperty("name").GetString());
        Assert.Equal(30, state.GetProperty("tickRate").GetInt32());
        // The top-left corner of the canvas is the border wall, drawn in the wall colour #34405a.
        int[] pixel = await page.EvaluateAsync<int[]>(
            "() => Array.from(document.getElementById('canvas').getContext('2d').getImageData(5, 5, 1, 1).data)");
        Assert.Equal([0x34, 0x40, 0x5a, 0xff], pixel);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_HeldKey_MovesThePlayerOnTheServer()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");
        uint playerId = state.GetProperty("playerId").GetUInt32();

        // A second player in the same match watches the browser's player in the server's state.
        await using TestPlayer watcher = await TestPlayer.JoinAsync(server, "Watcher", state.GetProperty("matchId").GetUInt32());
        await watcher.WaitForWorldAsync(w => w.Phase == MatchPhase.Running);
        await watcher.WaitForWorldAsync(w => w.Tick > 0);
        int startX = watcher.World.Get(playerId).X;
        bool right = startX < 1000 * Quantization.PositionScale;

        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.DownAsync(right ? "KeyD" : "ArrowLeft");
        await watcher.WaitForWorldAsync(w =>
            w.Get(playerId).X - startX is int dx && (right ? dx : -dx) > 60 * Quantization.PositionScale);
        await page.Keyboard.UpAsync(right ? "KeyD" : "ArrowLeft");

        // The prediction agrees with the server once the player has stopped.
        await page.WaitForFunctionAsync("() => { const s = window.gameState; return s.own.fields.vx === 0 && s.pendingInputs < 10; }");
        state = await WaitForStateAsync(page, "s.predicted !== null && Math.abs(s.predicted.x - s.own.fields.x) <= 160 * 3");
        Assert.NotEqual(startX, state.GetProperty("own").GetProperty("fields").GetProperty("x").GetInt32());
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_SpeaksV2_TheServerAcksItsInputs()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.ack > 0");

        Assert.Equal(ProtocolConstants.SubProtocolV2, state.GetProperty("protocol").GetString());
        uint ack = state.GetProperty("ack").GetUInt32();
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.DownAsync("KeyS");

        // Each state frame acknowledges the page's inputs as the server applies them, never one it has not sent.
        state = await WaitForStateAsync(page, $"s.ack >= {ack + 30}");
        await page.Keyboard.UpAsync("KeyS");
        Assert.InRange(state.GetProperty("ack").GetUInt32(), ack + 30, state.GetProperty("sent").GetUInt32());
        Assert.Equal(0, state.GetProperty("refusals").GetInt32());
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_MalformedStateFrame_ClosesAndResumes()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        // Every socket the page opens, and every close it asks for, where the test can reach them.
        await page.AddInitScriptAsync("""
            window.sockets = [];
            window.closes = [];
            window.WebSocket = class extends WebSocket {
              constructor(...args) { super(...args); window.sockets.push(this); }
              close(code, reason) { window.closes.push([code, reason]); super.close(code, reason); }
            };
            """);
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");
        uint playerId = state.GetProperty("playerId").GetUInt32();

        // A Snapshot whose state is a string, not a bin, as if it came from the server.
        byte[] frame = SchemaDecoderPage.Frame((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(6);
            w.Write((byte)MessageType.Snapshot);
            w.Write(1u);
            w.Write((byte)MatchPhase.Running);
            w.Write(0u);
            w.Write("not a bin");
            w.Write(0u);
        });
        await page.EvaluateAsync(
            "(frame) => window.sockets.at(-1).onmessage({ data: Uint8Array.from(atob(frame), (c) => c.charCodeAt(0)).buffer })",
            Convert.ToBase64String(frame));

        // The page drops the connection (a browser may not send 1007: 1000 without Leave, which the server takes as a
        // drop) and resumes on a new one as the same player.
        state = await WaitForStateAsync(page, "s.refusals === 1 && window.sockets.length === 2 && s.status === 'playing' && s.own !== null");
        Assert.Equal("[[1000,\"malformed frame\"]]", await page.EvaluateAsync<string>("() => JSON.stringify(window.closes)"));
        Assert.Contains("resume=", await page.EvaluateAsync<string>("() => window.sockets[1].url"));
        Assert.Equal(playerId, state.GetProperty("playerId").GetUInt32());
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_Inputs_CarryTheTickTheInterpolationDraws()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());

        // The others are drawn 100 ms (3 ticks) behind the latest state: the view tick trails it by about that much.
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.viewTick > 0 && s.tick > 30");

        int behind = state.GetProperty("tick").GetInt32() - state.GetProperty("viewTick").GetInt32();
        Assert.InRange(behind, 0, 30);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_AloneInTheLobby_SaysItWaitsForASecondPlayer()
    {
        // The server's default: a match needs two players.
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:MinPlayersToStart"] = "2" });
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");
        ILocator status = page.Locator("#hud-status");

        await Assertions.Expect(status).ToHaveTextAsync("waiting for a second player");
        Assert.Equal((int)MatchPhase.Waiting, state.GetProperty("phase").GetInt32());

        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob", state.GetProperty("matchId").GetUInt32());
        await Assertions.Expect(status).ToHaveTextAsync(new Regex("^starting in [1-3] s$"));
        await Assertions.Expect(status).ToHaveTextAsync("playing");
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_Killed_SaysByWhomAndWhenItRespawns()
    {
        await using TestServer server = await ExecutionArena.StartServerAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing' && s.own !== null");
        ILocator death = page.Locator("#death");
        await Assertions.Expect(death).ToBeHiddenAsync();

        await using TestPlayer killer = await TestPlayer.JoinAsync(server, ExecutionArena.KillerName, state.GetProperty("matchId").GetUInt32());

        await Assertions.Expect(death).ToBeVisibleAsync();
        await Assertions.Expect(death).ToContainTextAsync($"Killed by {ExecutionArena.KillerName}");
        await Assertions.Expect(death).ToContainTextAsync(new Regex("respawn in [1-3] s"));
        // The killer's score and kills, read from the v2 state by field name, reach the page's scoreboard.
        await Assertions.Expect(page.Locator("#scoreboard")).ToContainTextAsync(new Regex($@"{ExecutionArena.KillerName} · [1-9][0-9]* \(1 kills\)"));
        // Respawned after the rules' delay (3 s): the message goes.
        await Assertions.Expect(death).ToBeHiddenAsync();
        state = await page.EvaluateAsync<JsonElement>("() => window.gameState");
        Assert.NotEqual(0, state.GetProperty("own").GetProperty("fields").GetProperty("flags").GetInt32() & (int)EntityFlags.Alive);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task PlayPage_WithBots_Screenshot()
    {
        await using TestServer server = await LivelyArena.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/?name=Ada").ToString());
        JsonElement state = await WaitForStateAsync(page, "s.status === 'playing'");
        uint matchId = state.GetProperty("matchId").GetUInt32();
        await using Bot grace = await Bot.JoinAsync(server, "Grace", matchId);
        await using Bot linus = await Bot.JoinAsync(server, "Linus", matchId);
        await using Bot barbara = await Bot.JoinAsync(server, "Barbara", matchId);

        await WaitForStateAsync(page, "s.phase === 2 && s.entityCount > 15 && s.rttMs !== null");
        await page.Mouse.MoveAsync(900, 300);
        uint sequence = (await WaitForStateAsync(page, "s.own !== null")).GetProperty("ack").GetUInt32();
        await page.Keyboard.DownAsync("KeyS");

        // Held until the server has applied a second's worth of the page's inputs, so the picture shows it moving.
        await WaitForStateAsync(page, $"s.own !== null && s.ack >= {sequence + 30}");
        await page.Keyboard.UpAsync("KeyS");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("play.png") });
        Assert.Empty(errors);
    }

    private static async Task<JsonElement> WaitForStateAsync(IPage page, string condition)
    {
        await page.WaitForFunctionAsync($"() => {{ const s = window.gameState; return s !== undefined && ({condition}); }}");
        return await page.EvaluateAsync<JsonElement>("() => window.gameState");
    }
}
