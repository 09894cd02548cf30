using System.Text.Json;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Simulation;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>The browser's prediction (clients/web/js/arena.js, fed by GET /arena.json) steps exactly what the simulation steps.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArenaPredictionTests
{
    private const string StepScript = """
        async ({ start, inputs }) => {
          const m = await import('/js/arena.js');
          const arena = await m.loadArena(location.origin);
          const p = { ...start };
          return inputs.map((i) => { m.stepPlayer(p, i, arena); return [p.x, p.y, p.vx, p.vy, p.aim]; });
        }
        """;

    private readonly BrowserFixture _browser;

    public ArenaPredictionTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Theory(Timeout = 60_000)]
    [InlineData(30)]
    [InlineData(60)]
    public async Task Prediction_ScriptedInputs_LandWhereTheSimulationPutsThePlayer(int tickRate)
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tick:TickRate"] = $"{tickRate}" });
        List<InputMessage> inputs = Script(tickRate);
        (EntityState start, List<int[]> expected) = Simulate(ArenaRules.ForTickRate(tickRate), inputs);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(server.HttpBase.ToString());

        JsonElement predicted = await page.EvaluateAsync<JsonElement>(StepScript, new
        {
            start = new { x = start.X, y = start.Y, vx = start.Vx, vy = start.Vy, aim = (int)start.Aim },
            inputs = inputs.Select(i => new { moveX = (int)i.MoveX, moveY = (int)i.MoveY, aim = (int)i.Aim }).ToArray(),
        });

        List<int[]> actual = predicted.Deserialize<List<int[]>>()!;
        Assert.Equal(expected.Count, actual.Count);
        for (int tick = 0; tick < expected.Count; tick++)
        {
            Assert.True(expected[tick].SequenceEqual(actual[tick]),
                $"Tick {tick + 1}: the simulation has [{string.Join(", ", expected[tick])}], the browser [{string.Join(", ", actual[tick])}].");
        }

        // The script is worth something only if it runs into walls, and stops, and turns.
        Assert.Contains(expected, s => s[2] == 0 && s[3] == 0);
        Assert.True(WallStops(inputs, expected) > 5, "The script should run into walls.");
        Assert.Empty(errors);
    }

    /// <summary>One player alone in a match (it stays in the Waiting phase, where players move but nothing else happens).</summary>
    private static (EntityState Start, List<int[]> States) Simulate(ArenaRules rules, List<InputMessage> inputs)
    {
        var match = new Match(1, 42, rules);
        uint id = match.AddPlayer("Ada");
        EntityState start = match.World.Get(id);
        var states = new List<int[]>();
        foreach (InputMessage input in inputs)
        {
            match.Step([new PlayerInput(id, input)]);
            EntityState e = match.World.Get(id);
            Assert.Equal(MatchPhase.Waiting, match.Phase);
            states.Add([e.X, e.Y, e.Vx, e.Vy, e.Aim]);
        }

        return (start, states);
    }

    /// <summary>Runs into the corner, slides along walls, then wanders: full axes, diagonals, odd vectors, -128, stops.</summary>
    private static List<InputMessage> Script(int tickRate)
    {
        var moves = new List<(sbyte X, sbyte Y, int Seconds10)>
        {
            (-127, 0, 10), (0, -127, 10), (127, 127, 40), (127, -30, 30), (0, 0, 5), (-128, -128, 30), (90, 127, 50),
            (0, 127, 30), (-127, 60, 40), (0, 0, 10), (127, 0, 60), (-5, 3, 10), (1, -1, 5),
        };
        var random = new Random(7);
        for (int i = 0; i < 30; i++)
        {
            sbyte x = random.Next(4) == 0 ? (sbyte)0 : (sbyte)random.Next(-128, 128);
            sbyte y = random.Next(4) == 0 ? (sbyte)0 : (sbyte)random.Next(-128, 128);
            moves.Add((x, y, random.Next(1, 30)));
        }

        var inputs = new List<InputMessage>();
        foreach ((sbyte x, sbyte y, int tenths) in moves)
        {
            for (int t = 0; t < tenths * tickRate / 10; t++)
            {
                var aim = (ushort)random.Next(0, 65536);
                inputs.Add(new InputMessage((uint)inputs.Count + 1, 0, x, y, aim, Buttons.None));
            }
        }

        return inputs;
    }

    private static int WallStops(List<InputMessage> inputs, List<int[]> states)
    {
        int stops = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            if ((inputs[i].MoveX != 0 && states[i][2] == 0) || (inputs[i].MoveY != 0 && states[i][3] == 0))
            {
                stops++;
            }
        }

        return stops;
    }
}
