using System.Runtime.InteropServices;
using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

/// <summary>Seeded hostile inputs: any axis value, any aim, any buttons, several per tick, replayed and skipped sequences.</summary>
internal sealed class RandomInputs(int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<PlayerInput> _buffer = [];
    private readonly Dictionary<uint, uint> _sent = [];

    public Random Random => _random;

    /// <summary>This tick's inputs for <paramref name="ids"/> (some possibly unknown to the match), up to <paramref name="maxPerPlayer"/> each.</summary>
    public ReadOnlySpan<PlayerInput> Next(ReadOnlySpan<uint> ids, int maxPerPlayer)
    {
        _buffer.Clear();
        foreach (uint id in ids)
        {
            int count = _random.Next(0, maxPerPlayer + 1);
            for (int i = 0; i < count; i++)
            {
                _buffer.Add(new PlayerInput(id, Message(NextSequence(id))));
            }
        }

        // Interleave players as a network would.
        Span<PlayerInput> span = CollectionsMarshal.AsSpan(_buffer);
        for (int i = span.Length - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            if (span[i].PlayerId != span[j].PlayerId)
            {
                (span[i], span[j]) = (span[j], span[i]);
            }
        }

        return span;
    }

    public InputMessage Message(uint sequence) => new(
        sequence,
        (uint)_random.Next(),
        (sbyte)_random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
        (sbyte)_random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
        (ushort)_random.Next(0, 65536),
        (Buttons)_random.Next(0, 256));

    private uint NextSequence(uint id)
    {
        _sent.TryGetValue(id, out uint last);
        uint sequence = _random.Next(4) switch
        {
            0 or 1 => last + (uint)_random.Next(1, 4),
            2 => (uint)_random.Next(0, (int)last + 1),
            _ => (uint)_random.Next(0, (int)last + 10),
        };
        _sent[id] = Math.Max(last, sequence);
        return sequence;
    }
}
