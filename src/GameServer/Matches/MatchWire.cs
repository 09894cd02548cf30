using GameServer.Connections;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;

namespace GameServer.Matches;

/// <summary>
/// One match's outgoing state frames for the tick being broadcast, in both protocol versions: each is encoded and
/// framed once, and only when a player of its version needs it. Version 2's state comes from the game through
/// <see cref="IMatchSimulation.WriteState"/>, filled once per tick while the match has v2 players; its frames end in
/// an ack placeholder that each player's copy overwrites with its own. Version 1 is served only for a game whose
/// state is v1's entity world (Arena), written by the game's <see cref="Version1Frames"/>.
/// Owned by the match's tick.
/// </summary>
internal sealed class MatchWire(IMatchSimulation match)
{
    // Offset of a v2 frame's ack value from the end of its first message: the 4 bytes after 0xce.
    private const int AckValueBytes = SchemaStateWriter.AckBytes - 1;

    private readonly SchemaStateWriter _writer = new(match.Schema);
    private readonly Version1Frames? _version1 = Version1Frames.For(match);
    private SchemaWorld _schemaPrevious = new(match.Schema);
    private SchemaWorld _schemaCurrent = new(match.Schema);
    private bool _filled;
    private bool _previousFilled;
    private SharedFrame? _delta;
    private SharedFrame? _snapshot;
    private SharedFrame? _schemaDelta;
    private SharedFrame? _schemaSnapshot;
    private int _schemaDeltaAck;
    private int _schemaSnapshotAck;

    /// <summary>Whether v1 clients can be served this game: its state is v1's entity world.</summary>
    public bool ServesVersion1 => _version1 is not null;

    /// <summary>Whether a v2 delta can be written this tick: the schema world of the tick before was filled.</summary>
    public bool HasSchemaBase => _filled && _previousFilled;

    /// <summary>Starts a tick's broadcast; with v2 players the game's state is copied into the schema world once.</summary>
    public void Begin(bool schemaPlayers)
    {
        _filled = schemaPlayers;
        if (schemaPlayers)
        {
            match.WriteState(_schemaCurrent);
        }
    }

    /// <summary>The v1 delta and the tick's events, encoded on first use; only where <see cref="ServesVersion1"/>.</summary>
    public SharedFrame Delta()
    {
        if (_delta is null)
        {
            _delta = SharedFrame.Rent(1024);
            _delta.Append(Version1, static (writer, frames) => frames.WriteDelta(writer));
            AppendEvents(_delta);
        }

        return _delta;
    }

    /// <summary>The v1 snapshot and the tick's events, encoded on first use; only where <see cref="ServesVersion1"/>.</summary>
    public SharedFrame Snapshot()
    {
        if (_snapshot is null)
        {
            _snapshot = SharedFrame.Encode(Version1, static (writer, frames) => frames.WriteSnapshot(writer));
            AppendEvents(_snapshot);
        }

        return _snapshot;
    }

    /// <summary>Sends a v2 player the tick's v2 delta and events with its own <paramref name="ack"/>.</summary>
    public bool TrySendDelta(IFrameSender sender, uint ack)
    {
        if (_schemaDelta is null)
        {
            _schemaDelta = SharedFrame.Rent(512);
            _schemaDelta.Append(this, static (writer, wire) => wire._writer.WriteDelta(writer, wire._schemaPrevious, wire._schemaCurrent, 0));
            _schemaDeltaAck = _schemaDelta.Length - AckValueBytes;
            AppendEvents(_schemaDelta);
        }

        return sender.TrySendWithAck(_schemaDelta, _schemaDeltaAck, ack);
    }

    /// <summary>Sends a v2 player the tick's v2 snapshot and events with its own <paramref name="ack"/>.</summary>
    public bool TrySendSnapshot(IFrameSender sender, uint ack)
    {
        if (_schemaSnapshot is null)
        {
            _schemaSnapshot = SharedFrame.Rent(1024);
            _schemaSnapshot.Append(this, static (writer, wire) => wire._writer.WriteSnapshot(writer, wire._schemaCurrent, 0));
            _schemaSnapshotAck = _schemaSnapshot.Length - AckValueBytes;
            AppendEvents(_schemaSnapshot);
        }

        return sender.TrySendWithAck(_schemaSnapshot, _schemaSnapshotAck, ack);
    }

    /// <summary>
    /// The v1 delta to an end screen: the world of the tick before at <paramref name="tick"/>, in the Ended phase with
    /// no time left, for a match an operator ended. Null when the game is not served on v1. The caller releases it.
    /// </summary>
    public SharedFrame? EndScreen(uint tick)
    {
        if (_version1 is null)
        {
            return null;
        }

        SharedFrame frame = SharedFrame.Rent(256);
        frame.Append((_version1, tick), static (writer, end) => end._version1.WriteEndScreen(writer, end.tick));
        return frame;
    }

    /// <summary>
    /// The v2 delta to an end screen: the game's state at the next tick, in the Ended phase with no time left, for a
    /// match an operator ended. Null when no v2 base is held. The caller releases it; its ack is at <paramref name="ackOffset"/>.
    /// </summary>
    public SharedFrame? SchemaEndScreen(uint tick, out int ackOffset)
    {
        ackOffset = 0;
        if (!_previousFilled)
        {
            return null;
        }

        match.WriteState(_schemaCurrent);
        _schemaCurrent.Tick = tick;
        _schemaCurrent.Phase = MatchPhase.Ended;
        _schemaCurrent.PhaseTicksLeft = 0;
        SharedFrame frame = SharedFrame.Rent(512);
        frame.Append(this, static (writer, wire) => wire._writer.WriteDelta(writer, wire._schemaPrevious, wire._schemaCurrent, 0));
        ackOffset = frame.Length - AckValueBytes;
        return frame;
    }

    /// <summary>Ends the tick's broadcast: its frames go back to the pool, and its worlds become the next bases.</summary>
    public void End()
    {
        _version1?.EndTick();

        Release(ref _delta);
        Release(ref _snapshot);
        Release(ref _schemaDelta);
        Release(ref _schemaSnapshot);
        if (_filled)
        {
            (_schemaPrevious, _schemaCurrent) = (_schemaCurrent, _schemaPrevious);
        }

        _previousFilled = _filled;
    }

    private Version1Frames Version1 => _version1 ?? throw new InvalidOperationException($"The game \"{match.Schema.Game}\" is not served on protocol v1.");

    private void AppendEvents(SharedFrame frame)
    {
        foreach (GameEvent gameEvent in match.Events)
        {
            frame.Append(gameEvent, static (writer, e) => FrameWriter.WriteEvent(writer, e));
        }
    }

    private static void Release(ref SharedFrame? frame)
    {
        frame?.Release();
        frame = null;
    }
}
