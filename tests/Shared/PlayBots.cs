// Protocol's types are qualified: the simulation tests import that namespace globally, the host's tests do not.
using GameServer.Arena.Wire;
using GameServer.Simulation;

namespace GameServer.Testing;

/// <summary>
/// The swarm's <c>play</c> behaviour (perf/GameServer.LoadTest/Bot.Sending.cs) without sockets: each bot sends 20
/// inputs a second, spread over the ticks, takes a new heading about every 32 inputs, turns its aim by up to ±128
/// units per input and fires on a quarter of them. Shared by the simulation's wire-bytes tests and the browser decoder's.
/// </summary>
internal sealed class PlayBots
{
    private const int InputsPerSecond = 20;

    private readonly uint[] _ids;
    private readonly uint[] _random;
    private readonly uint[] _sequence;
    private readonly sbyte[] _moveX;
    private readonly sbyte[] _moveY;
    private readonly ushort[] _aim;
    private readonly int[] _offset;
    private readonly List<PlayerInput> _inputs = [];

    public PlayBots(IReadOnlyList<uint> ids, int seed)
    {
        _ids = [.. ids];
        _random = new uint[_ids.Length];
        _sequence = new uint[_ids.Length];
        _moveX = new sbyte[_ids.Length];
        _moveY = new sbyte[_ids.Length];
        _aim = new ushort[_ids.Length];
        _offset = new int[_ids.Length];
        var random = new Random(seed);
        for (int b = 0; b < _ids.Length; b++)
        {
            _random[b] = (uint)random.Next(1, int.MaxValue);
            _offset[b] = random.Next(ArenaRules.DefaultTickRate);
        }
    }

    /// <summary>The inputs that arrive before tick <paramref name="tick"/> at 30 ticks a second.</summary>
    public ReadOnlySpan<PlayerInput> InputsFor(uint tick)
    {
        _inputs.Clear();
        for (int b = 0; b < _ids.Length; b++)
        {
            long now = tick * InputsPerSecond + _offset[b];
            long before = now - InputsPerSecond;
            if (now / ArenaRules.DefaultTickRate != before / ArenaRules.DefaultTickRate)
            {
                _inputs.Add(new PlayerInput(_ids[b], NextInput(b)));
            }
        }

        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_inputs);
    }

    private InputMessage NextInput(int b)
    {
        uint random = Next(ref _random[b]);
        if ((random & 0x1F) == 0)
        {
            _moveX[b] = (sbyte)((int)(random >> 8 & 0xFF) - 128 | 1);
            _moveY[b] = (sbyte)((int)(random >> 16 & 0xFF) - 128 | 1);
        }

        _aim[b] = (ushort)(_aim[b] + (int)(random >> 24) - 128);
        Buttons buttons = (random & 0x60) == 0 ? Buttons.Fire : Buttons.None;
        return new InputMessage(++_sequence[b], 0, _moveX[b], _moveY[b], _aim[b], buttons);
    }

    private static uint Next(ref uint x)
    {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    }
}
