using System.Buffers;
using BenchmarkDotNet.Attributes;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Simulation;

namespace GameServer.Benchmarks;

/// <summary>
/// One whole server tick of a running Arena match: step the simulation with every bot's input, then diff against the
/// previous tick and encode the delta once, as the host does before fanning the bytes out. Target: 0 B allocated.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class TickBenchmarks
{
    /// <summary>Ticks of pre-generated bot input, replayed in a loop with fresh sequences.</summary>
    private const int PatternTicks = 512;

    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private readonly WorldState _previous = new();
    private Match _match = null!;
    private InputMessage[] _pattern = null!;
    private PlayerInput[] _inputs = null!;
    private uint[] _ids = null!;
    private int _patternTick;
    private uint _sequence;

    [Params(16, 64)]
    public int Players { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // No limits: the match must keep running however many ticks the benchmark takes.
        _match = new Match(1, 42, new ArenaRules { TimeLimitTicks = 0, ScoreLimit = 0 });
        _ids = new uint[Players];
        for (int i = 0; i < Players; i++)
        {
            _ids[i] = _match.AddPlayer("bot" + i);
        }

        _pattern = BotInputs(Players, seed: 42);
        _inputs = new PlayerInput[Players];

        // Run past the countdown and into a steady state: projectiles flying, pickups out, players dying and respawning.
        while (_match.Phase != MatchPhase.Running)
        {
            Tick();
        }

        for (int i = 0; i < 600; i++)
        {
            Tick();
        }
    }

    [Benchmark]
    public int Tick()
    {
        _sequence++;
        int offset = _patternTick * Players;

        // Made while the bots' screens showed the world of 4 ticks ago, as interpolating players' do: shots are rewound.
        uint viewTick = _match.World.Tick > 3 ? _match.World.Tick - 3 : 0;
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = new PlayerInput(_ids[i], _pattern[offset + i] with { Sequence = _sequence, ViewTick = viewTick });
        }

        _match.ClearEvents();
        _match.Step(_inputs);

        _output.ResetWrittenCount();
        ArenaFrameWriter.WriteDelta(_output, _previous, _match.World);
        _previous.CopyFrom(_match.World);

        _patternTick = (_patternTick + 1) % PatternTicks;
        return _output.WrittenCount;
    }

    /// <summary>Bots that hold a direction for a while, sweep their aim and fire about half the time.</summary>
    private static InputMessage[] BotInputs(int players, int seed)
    {
        var random = new Random(seed);
        var pattern = new InputMessage[PatternTicks * players];
        var move = new (sbyte X, sbyte Y)[players];
        var aim = new ushort[players];
        for (int tick = 0; tick < PatternTicks; tick++)
        {
            for (int p = 0; p < players; p++)
            {
                if (random.Next(10) == 0)
                {
                    move[p] = ((sbyte)random.Next(-127, 128), (sbyte)random.Next(-127, 128));
                }

                aim[p] += (ushort)random.Next(0, 2048);
                Buttons buttons = random.Next(2) == 0 ? Buttons.Fire : Buttons.None;
                pattern[(tick * players) + p] = new InputMessage(0, 0, move[p].X, move[p].Y, aim[p], buttons);
            }
        }

        return pattern;
    }
}
