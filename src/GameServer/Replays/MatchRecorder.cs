using GameServer.Simulation;
using GameServer.Simulation.Replays;

namespace GameServer.Replays;

/// <summary>
/// One match's flight recorder, called on its tick thread only: each record is encoded into a reused buffer and
/// copied into a pooled chunk; a full chunk is queued for the writer. No I/O, no lock but the pool's once per chunk,
/// and no allocation once the encoder's buffers have grown.
/// </summary>
public sealed class MatchRecorder
{
    // Room always kept for the End record, so a recording cut at its bound still ends well-formed.
    private const int EndReserve = 64;

    private readonly ReplayRecorders _owner;
    private readonly ReplayFile _file;
    private readonly ReplayRecordEncoder _encoder = new();
    private readonly long _maxBytes;
    private readonly int _hashInterval;
    private byte[]? _chunk;
    private int _length;
    private long _bytes;
    private uint _lastTick;
    private int _players;
    private bool _stopped;
    private bool _abandonPending;

    internal MatchRecorder(ReplayRecorders owner, ReplayFile file, ReplayStart start, long maxBytes)
    {
        _owner = owner;
        _file = file;
        _maxBytes = maxBytes;
        _hashInterval = start.HashInterval;
        Append(ReplayFormat.Header);
        Append(_encoder.Start(start));
    }

    /// <summary>The replay's id.</summary>
    public string Id => _file.Id;

    /// <summary>Whether the recording has stopped (at its bound, or given up) before the match's end.</summary>
    public bool Stopped => _stopped;

    public void Joined(uint tick, uint playerId, string name)
    {
        _players++;
        Append(_encoder.Join(tick, playerId, name));
    }

    public void Left(uint tick, uint playerId) => Append(_encoder.Leave(tick, playerId));

    /// <summary>Before the simulation steps: a step that throws is still recorded, which is the bug a replay reproduces.</summary>
    public void Stepping(uint tick, ReadOnlySpan<PlayerInput> inputs)
    {
        if (_abandonPending)
        {
            Abandon();
        }

        if (Append(_encoder.Step(tick, inputs)))
        {
            _lastTick = tick;
        }
    }

    /// <param name="hash">The game's state hash, computed only on the ticks that record one.</param>
    public void Stepped(uint tick, Func<ulong> hash)
    {
        if (!_stopped && tick % _hashInterval == 0)
        {
            Append(_encoder.Hash(tick, hash()));
        }
    }

    /// <summary>The match is over: the End record, and the last chunk to the writer. Later calls do nothing.</summary>
    public void Ended()
    {
        if (_abandonPending)
        {
            Abandon();
        }

        if (!_stopped)
        {
            Finish(ReplayEndReason.MatchEnded);
        }
    }

    private bool Append(ReadOnlySpan<byte> record)
    {
        if (_stopped)
        {
            return false;
        }

        if (_bytes + record.Length + EndReserve > _maxBytes)
        {
            _owner.Metrics.SizeLimitReached();
            Finish(ReplayEndReason.SizeLimit);
            return false;
        }

        Write(record);
        return true;
    }

    private void Finish(ReplayEndReason reason)
    {
        _file.End = new ReplayEnd(_lastTick, _owner.Time.GetUtcNow().ToUnixTimeMilliseconds(), reason, _players);
        Write(_encoder.End(_file.End));
        _stopped = true;
        Send(ReplayChunkKind.Last);
    }

    private void Write(ReadOnlySpan<byte> record)
    {
        if (_chunk is not null && record.Length > _chunk.Length - _length)
        {
            Send(ReplayChunkKind.Data);
        }

        _chunk ??= _owner.Pool.Rent(Math.Max(ReplayRecorders.ChunkBytes, record.Length));
        record.CopyTo(_chunk.AsSpan(_length));
        _length += record.Length;
        _bytes += record.Length;
    }

    private void Send(ReplayChunkKind kind)
    {
        var chunk = new ReplayChunk(_file, _chunk, _length, kind);
        _chunk = null;
        _length = 0;
        if (_abandonPending || !_owner.TrySend(chunk))
        {
            // The writer is that far behind: the file would have a hole, so it is given up, and the writer told so
            // as soon as the queue has room.
            if (chunk.Buffer is not null)
            {
                _owner.Pool.Return(chunk.Buffer);
            }

            if (!_abandonPending)
            {
                _owner.Metrics.QueueFull();
            }

            _stopped = true;
            _abandonPending = true;
        }
    }

    private void Abandon() => _abandonPending = !_owner.TrySend(new ReplayChunk(_file, null, 0, ReplayChunkKind.Abandoned));
}
