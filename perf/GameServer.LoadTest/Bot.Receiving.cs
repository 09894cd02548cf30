using System.Buffers;
using System.Numerics;
using GameServer.LoadTest.Transport;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using MessagePack;

namespace GameServer.LoadTest;

/// <summary>
/// Decodes only what a bot measures: Welcome's ids (and v2's schema, for its game), each delta's ticks and phase, its
/// own acknowledged input (v1: its entity's lastInputSeq; v2: the ack at the end of each frame), and Pong. Every other
/// value (v2's state bin whole) is skipped, never materialised, so a message costs no allocation; only a Tag bot decodes
/// the state, which it steers by (Bot.Tag.cs).
/// </summary>
internal sealed partial class Bot
{
    private const ushort LastInputSeqBit = 1 << 8;

    private uint _playerId;
    private uint _lastTick;
    private bool _hasWorld;
    private uint _acked;
    private long _messages;
    private long _bytes;
    private long _deltas;
    private long _deltaBytes;
    private long _ticksMissed;

    public long Messages => Volatile.Read(ref _messages);

    public long Bytes => Volatile.Read(ref _bytes);

    public long Deltas => Volatile.Read(ref _deltas);

    public long DeltaBytes => Volatile.Read(ref _deltaBytes);

    public long TicksMissed => Volatile.Read(ref _ticksMissed);

    void IMessageSink.OnMessage(ReadOnlyMemory<byte> message)
    {
        long now = _context.NowMicros();
        _messages++;
        _bytes += message.Length;
        try
        {
            var reader = new MessagePackReader(message);
            int length = reader.ReadArrayHeader();
            switch ((MessageType)reader.ReadByte())
            {
                case MessageType.Welcome when length >= (V2 ? 8 : 7):
                    OnWelcome(ref reader, now);
                    break;
                case MessageType.Snapshot when length >= (V2 ? 6 : 5):
                    OnSnapshot(ref reader, now);
                    OnTagState(message);
                    break;
                case MessageType.Delta when length >= (V2 ? 7 : 8):
                    OnDelta(ref reader, now);
                    OnTagState(message);
                    _deltaBytes += message.Length;
                    break;
                case MessageType.Pong when length >= 3:
                    _context.Stats.RecordRtt((uint)now - reader.ReadUInt32());
                    break;
                case MessageType.Error when length >= 3:
                    ushort code = reader.ReadUInt16();
                    OnError(code, reader.ReadString(), now);
                    break;
                case MessageType.Welcome or MessageType.Snapshot or MessageType.Delta or MessageType.Pong or MessageType.Error:
                    throw new BotException(ErrorKind.ProtocolViolation, "A server message has too few elements.");
                default:
                    // Events and types from later versions: the protocol says to ignore them.
                    break;
            }
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or OverflowException or ArgumentException)
        {
            throw new BotException(ErrorKind.ProtocolViolation, "A server message is not valid MessagePack: " + ex.Message);
        }
    }

    private void OnWelcome(ref MessagePackReader reader, long now)
    {
        reader.Skip();
        uint playerId = reader.ReadUInt32();
        MatchId = reader.ReadUInt32();
        EverJoined = true;
        int tickRate = reader.ReadInt32();
        _context.Stats.RecordTickRate(tickRate);
        Volatile.Write(ref _interpolationTicks, (uint)((tickRate * InterpolationDelayMs) + 999) / 1000);
        reader.Skip();
        ReadOnlySequence<byte>? token = reader.ReadBytes();
        OnGame(V2 ? GameSchema.Read(ref reader) : null);
        if (!OnWelcomeToken(playerId, token))
        {
            return;
        }

        _playerId = playerId;
        OnWelcomeToMatch(now);
        if (Interlocked.CompareExchange(ref _state, (int)BotState.Joined, (int)BotState.Connected) == (int)BotState.Connected)
        {
            ScheduleFirstSends(now);
        }
    }

    private void OnSnapshot(ref MessagePackReader reader, long now)
    {
        uint tick = reader.ReadUInt32();
        var phase = (MatchPhase)reader.ReadByte();
        uint ticksLeft = reader.ReadUInt32();
        if (V2)
        {
            ReadStateAndAck(ref reader, now);
        }
        else
        {
            int count = reader.ReadArrayHeader();
            for (int i = 0; i < count; i++)
            {
                ReadFullEntity(ref reader, now);
            }
        }

        // A snapshot after the first one is a resync: the ticks it jumped over were missed.
        if (_hasWorld && tick > _lastTick + 1)
        {
            _ticksMissed += tick - _lastTick - 1;
        }

        _hasWorld = true;
        Volatile.Write(ref _lastTick, tick);
        OnPhase(phase, ticksLeft, now);
    }

    private void OnDelta(ref MessagePackReader reader, long now)
    {
        uint baseTick = reader.ReadUInt32();
        uint tick = reader.ReadUInt32();
        if (!_hasWorld || baseTick != _lastTick || tick <= baseTick)
        {
            throw new BotException(ErrorKind.ProtocolViolation, $"A delta from tick {baseTick} to {tick} does not apply to the bot's tick {_lastTick}.");
        }

        var phase = (MatchPhase)reader.ReadByte();
        uint ticksLeft = reader.ReadUInt32();
        if (V2)
        {
            ReadStateAndAck(ref reader, now);
        }
        else
        {
            int spawned = reader.ReadArrayHeader();
            for (int i = 0; i < spawned; i++)
            {
                ReadFullEntity(ref reader, now);
            }

            int changed = reader.ReadArrayHeader();
            for (int i = 0; i < changed; i++)
            {
                ReadChangedEntity(ref reader, now);
            }
        }

        _ticksMissed += tick - baseTick - 1;
        _deltas++;
        Volatile.Write(ref _lastTick, tick);
        OnPhase(phase, ticksLeft, now);
    }

    private bool V2 => _context.Options.Protocol == WireProtocol.V2;

    /// <summary>v2: the state bin, skipped whole (its bytes are what the swarm measures), then this player's ack.</summary>
    private void ReadStateAndAck(ref MessagePackReader reader, long now)
    {
        reader.Skip();
        OnAcknowledged(reader.ReadUInt32(), now);
    }

    /// <summary><c>[id, kind, name, x, y, vx, vy, aim, health, score, flags, lastInputSeq, aux]</c>.</summary>
    private void ReadFullEntity(ref MessagePackReader reader, long now)
    {
        int length = reader.ReadArrayHeader();
        int read = 1;
        if (reader.ReadUInt32() == _playerId && length >= 12)
        {
            for (; read < 11; read++)
            {
                reader.Skip();
            }

            OnAcknowledged(reader.ReadUInt32(), now);
            read++;
        }

        for (; read < length; read++)
        {
            reader.Skip();
        }
    }

    /// <summary><c>[id, mask, value...]</c>, one value per set bit of the mask, lastInputSeq at bit 8.</summary>
    private void ReadChangedEntity(ref MessagePackReader reader, long now)
    {
        int length = reader.ReadArrayHeader();
        uint id = reader.ReadUInt32();
        ushort mask = reader.ReadUInt16();
        int read = 2;
        if (id == _playerId && (mask & LastInputSeqBit) != 0)
        {
            int before = BitOperations.PopCount(mask & (LastInputSeqBit - 1u));
            for (int i = 0; i < before; i++, read++)
            {
                reader.Skip();
            }

            OnAcknowledged(reader.ReadUInt32(), now);
            read++;
        }

        for (; read < length; read++)
        {
            reader.Skip();
        }
    }

    /// <summary>The state lag of every input this acknowledgement covers: from its send to the delta that applied it.</summary>
    private void OnAcknowledged(uint sequence, long now)
    {
        if (sequence <= _acked || sequence > _sequence)
        {
            return;
        }

        uint first = Math.Max(_acked + 1, sequence > InputRing ? sequence - InputRing + 1 : 1);
        for (uint s = first; s <= sequence; s++)
        {
            _context.Stats.RecordStateLag(now - _inputSentAt[s % InputRing]);
        }

        _acked = sequence;
    }

    private void OnError(ushort code, string? message, long now)
    {
        string text = $"Error {code}: {message}";
        if (code == (ushort)ErrorCode.ResumeRejected)
        {
            Fail(ErrorKind.ResumeRejected, text);
        }
        else if (code == (ushort)ErrorCode.MatchFailed)
        {
            // The server's fault, so counted; the bot is back before Join all the same.
            _context.Stats.RecordError(ErrorKind.ServerError, text);
            OnMatchClosed(now);
        }
        else if (State == BotState.Joined)
        {
            _context.Stats.RecordError(ErrorKind.ServerError, text);
        }
        else
        {
            Fail(ErrorKind.ServerError, text);
        }
    }
}
