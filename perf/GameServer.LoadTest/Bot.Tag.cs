using System.Buffers;
using GameServer.LoadTest.Tag;
using GameServer.LoadTest.Transport;
using GameServer.Protocol;
using GameServer.Protocol.Schema;

namespace GameServer.LoadTest;

/// <summary>
/// The game a bot was welcomed into (v2: the Welcome's schema; v1: Arena, the only game v1 serves), and for Tag the
/// state decoded on the schema, so the bot can steer by it. Arena's play needs no state, which stays skipped.
/// </summary>
internal sealed partial class Bot
{
    private const string ArenaGame = "arena";

    // Tag's decoder and world, written on the receive loop only; the scheduler reads only the packed move.
    private SchemaStateReader? _tagReader;
    private SchemaWorld? _tagWorld;
    private TagFields _tagFields;
    private int _tagMove;

    /// <summary>Whether the bot's current match is Tag (set on the receive loop before the bot is Joined).</summary>
    private bool PlaysTag => Volatile.Read(ref _tagReader) is not null;

    /// <summary>Called with each Welcome: checks the game is the one asked for and sets up how the bot plays it.</summary>
    private void OnGame(GameSchema? schema)
    {
        string game = schema?.Game ?? ArenaGame;
        _context.Stats.RecordWelcome(game);
        if (_context.Options.Game is string asked && asked != game)
        {
            throw new BotException(ErrorKind.ProtocolViolation, $"The bot asked for game '{asked}' and was welcomed into '{game}'.");
        }

        Volatile.Write(ref _tagMove, 0);
        if (game == ArenaGame || _context.Options.Behaviour == Behaviour.Idle)
        {
            Volatile.Write(ref _tagReader, null);
            return;
        }

        if (game != TagFields.GameName || !TagFields.TryFind(schema!, out _tagFields))
        {
            throw new BotException(ErrorKind.UnsupportedGame,
                $"The swarm plays arena and tag; game '{game}' can only be joined with --behaviour idle.");
        }

        _tagWorld = new SchemaWorld(schema!);
        Volatile.Write(ref _tagReader, new SchemaStateReader(schema!));
    }

    /// <summary>Tag: applies a snapshot or delta to the bot's world and steers by it.</summary>
    private void OnTagState(ReadOnlyMemory<byte> message)
    {
        if (_tagReader is not SchemaStateReader reader)
        {
            return;
        }

        if (reader.TryRead(new ReadOnlySequence<byte>(message), _tagWorld!, out _, out string? reason) != DecodeStatus.Ok)
        {
            throw new BotException(ErrorKind.ProtocolViolation, "A Tag state frame did not decode on its schema: " + reason);
        }

        (int moveX, int moveY) = TagSteering.Steer(_tagWorld!, _tagFields, _playerId);
        Volatile.Write(ref _tagMove, (moveX & 0xFFFF) | (moveY << 16));
    }

    /// <summary>Tag's input values in its schema's order, moveX and moveY, from the last state's steering.</summary>
    private void WriteTagInput(uint sequence, uint lastTick, uint viewTick)
    {
        int move = Volatile.Read(ref _tagMove);
        Span<int> values = [(short)(move & 0xFFFF), move >> 16];
        FrameWriter.WriteInput(_out, sequence, lastTick, viewTick, values);
    }
}
