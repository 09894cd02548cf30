using GameServer.Protocol.Schema;
using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

/// <summary>
/// Scripted, seeded players for whole matches: "it" runs at the nearest player who is not immune, the others wander in
/// a direction they change every second. Reuses its arrays, so a test can measure the match's allocations around it.
/// </summary>
internal sealed class TagBots
{
    private readonly Random _random;
    private readonly PlayerInput[] _inputs;
    private readonly int[] _headingX;
    private readonly int[] _headingY;
    private readonly SchemaWorld _state;
    private uint _sequence;

    public TagBots(GameSchema schema, int players, int seed)
    {
        _random = new Random(seed);
        _inputs = new PlayerInput[players];
        _headingX = new int[players];
        _headingY = new int[players];
        _state = new SchemaWorld(schema);
    }

    /// <summary>One input per player in <paramref name="ids"/> (at most the count given at construction), from the match's current state.</summary>
    public ReadOnlySpan<PlayerInput> InputsFor(TagMatch match, IReadOnlyList<uint> ids)
    {
        match.WriteState(_state);
        _sequence++;
        for (int p = 0; p < ids.Count; p++)
        {
            if (_sequence % 30 == 1)
            {
                _headingX[p] = _random.Next(-127, 128);
                _headingY[p] = _random.Next(-127, 128);
            }

            (int moveX, int moveY) = ChaseOrWander(ids[p], p);
            _inputs[p] = TagPlay.Input(ids[p], _sequence, moveX, moveY);
        }

        return _inputs.AsSpan(0, ids.Count);
    }

    private (int X, int Y) ChaseOrWander(uint id, int p)
    {
        int self = _state.IndexOf(id);
        ReadOnlySpan<int> me = _state.ValuesAt(self);
        if (me[TagSchema.It] == 0)
        {
            return (_headingX[p], _headingY[p]);
        }

        long nearest = long.MaxValue;
        (int X, int Y) toward = (0, 0);
        for (int i = 0; i < _state.Count; i++)
        {
            ReadOnlySpan<int> other = _state.ValuesAt(i);
            if (i == self || other[TagSchema.Immune] == 1)
            {
                continue;
            }

            long dx = other[TagSchema.X] - me[TagSchema.X];
            long dy = other[TagSchema.Y] - me[TagSchema.Y];
            if ((dx * dx) + (dy * dy) < nearest)
            {
                nearest = (dx * dx) + (dy * dy);
                toward = (Math.Sign(dx) * 127, Math.Sign(dy) * 127);
            }
        }

        return toward;
    }
}
