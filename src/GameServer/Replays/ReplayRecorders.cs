using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using GameServer.Protocol.Schema;
using GameServer.Simulation;
using GameServer.Simulation.Replays;
using Microsoft.Extensions.Options;

namespace GameServer.Replays;

/// <summary>
/// Starts a recorder for each match and carries their chunks to <see cref="ReplayWriter"/>: a bounded queue (a full
/// queue gives the recording up rather than wait on the tick) and a pool of chunk buffers the writer gives back.
/// </summary>
public sealed class ReplayRecorders
{
    /// <summary>Bytes per chunk: a few seconds of a full match, so the tick hands one over rarely.</summary>
    internal const int ChunkBytes = 16 * 1024;

    /// <summary>Chunks queued at most: 16 MiB waiting for a slow disk before recordings are given up.</summary>
    internal const int QueueChunks = 1024;

    private readonly Channel<ReplayChunk> _chunks = Channel.CreateBounded<ReplayChunk>(
        new BoundedChannelOptions(QueueChunks) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ReplayOptions _options;
    private readonly Dictionary<string, IReplayableGame> _games = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <param name="games">The games whose matches are recorded, by name; a match of another game is not.</param>
    /// <exception cref="InvalidOperationException">Two games have one name.</exception>
    public ReplayRecorders(IOptions<ReplayOptions> options, IEnumerable<IReplayableGame> games, ReplayMetrics metrics, TimeProvider time)
    {
        _options = options.Value;
        foreach (IReplayableGame game in games)
        {
            if (!_games.TryAdd(game.Name, game))
            {
                throw new InvalidOperationException($"Two replayable games are named \"{game.Name}\": a replay could not say which it is of.");
            }
        }

        _time = time;
        Metrics = metrics;
    }

    internal ReplayMetrics Metrics { get; }

    /// <summary>Shared with the writer, which returns each buffer after writing it; a locked pool, touched once per chunk.</summary>
    internal ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(ReplayFormat.MaxPayloadLength * 2, 64);

    internal ChannelReader<ReplayChunk> Chunks => _chunks.Reader;

    internal TimeProvider Time => _time;

    /// <summary>
    /// A recorder for a match that is opening, of the game <paramref name="schema"/> names; null when recording is off
    /// or no replayable game has that name (a replay needs the game's settings to rebuild its matches).
    /// </summary>
    public MatchRecorder? Start(GameSchema schema, uint matchId, ulong seed, int tickRate)
    {
        if (!_options.Enabled || !_games.TryGetValue(schema.Game, out IReplayableGame? game))
        {
            return null;
        }

        DateTimeOffset started = _time.GetUtcNow();
        string id = $"{started:yyyyMMdd-HHmmss}-m{matchId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var start = new ReplayStart(matchId, seed, game.Name, game.Settings, started.ToUnixTimeMilliseconds(), tickRate, tickRate, schema.Input.Count);
        return new MatchRecorder(this, new ReplayFile(id, matchId, game.Name, started), start, _options.MaxBytesPerMatch);
    }

    /// <summary>Queues a chunk without waiting; false when the queue is full.</summary>
    internal bool TrySend(in ReplayChunk chunk) => _chunks.Writer.TryWrite(chunk);

    /// <summary>No more chunks: the writer drains what is queued and stops.</summary>
    internal void Complete() => _chunks.Writer.TryComplete();
}
