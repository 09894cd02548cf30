using GameServer.Spectators;
using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisFeedLog
{
    // Below the client's 5 s command timeout, which a longer block would trip.
    private static readonly TimeSpan s_maxBlock = TimeSpan.FromSeconds(1);

    // Entries an XREAD takes at most: a catch-up after an outage comes in several reads, none of them huge.
    private const int s_readBatch = 256;

    /// <summary>
    /// Waits on the stream for entries after the last one seen, from any node (XREAD BLOCK, on its own connection
    /// since a blocked command holds the connection it is sent on), then reads the new positions and wakes this
    /// node's spectators; beats the heartbeat when due. The only place that pulses, as the in-process pump is. While
    /// Redis is away it retries with a capped backoff and goes on beating, so proxies keep the spectators' streams
    /// open; back, it reads on from the last entry it saw, so the events written meanwhile follow with no gap.
    /// </summary>
    private async Task FollowLoopAsync(CancellationToken cancellationToken)
    {
        IDatabase follows = _follows!.GetDatabase();
        long lastBeat = _time.GetTimestamp();
        TimeSpan retry = s_firstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan untilBeat = _feedOptions.HeartbeatInterval - _time.GetElapsedTime(lastBeat);
            bool changed = false;
            try
            {
                if (untilBeat > TimeSpan.Zero)
                {
                    TimeSpan block = untilBeat < s_maxBlock ? untilBeat : s_maxBlock;
                    RedisResult result = await follows.ExecuteAsync("XREAD", "COUNT", s_readBatch, "BLOCK", (long)Math.Max(1, block.TotalMilliseconds),
                        "STREAMS", _options.FeedStreamKey, LastStreamId()).WaitAsync(cancellationToken);
                    if (!result.IsNull)
                    {
                        Take(result);
                        await RefreshOldestAsync();
                        changed = true;
                    }

                    RedisBack(ref _followLost);
                    retry = s_firstRetry;
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                RedisLost(ref _followLost, exception);
                TimeSpan wait = untilBeat < retry ? untilBeat : retry;
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = NextRetry(retry);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (_time.GetElapsedTime(lastBeat) >= _feedOptions.HeartbeatInterval)
            {
                Interlocked.Increment(ref _heartbeats);
                lastBeat = _time.GetTimestamp();
                changed = true;
            }

            if (changed)
            {
                _spectators?.AbortBehind(OldestId);
                _signal.Pulse();
            }
        }
    }

    /// <summary>
    /// Puts the entries an XREAD answered into the node's cache, for the spectators to read, and moves the position
    /// on to the last of them; a full batch is followed by the next read at once, since XREAD returns what is there.
    /// </summary>
    private void Take(RedisResult result)
    {
        // One stream asked for: [[stream, entries]] in RESP2, {stream: entries} in RESP3 (read as [stream, entries]);
        // each entry [id, [field, value, ...]].
        var streams = (RedisResult[])result!;
        var entries = (RedisResult[])(streams[0].Resp2Type == ResultType.Array ? ((RedisResult[])streams[0]!)[1] : streams[1])!;
        var taken = new FeedEntry[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            var entry = (RedisResult[])entries[i]!;
            var fields = (RedisValue[])entry[1]!;
            var pairs = new NameValueEntry[fields.Length / 2];
            for (int f = 0; f < pairs.Length; f++)
            {
                pairs[f] = new NameValueEntry(fields[2 * f], fields[(2 * f) + 1]);
            }

            taken[i] = ToFeedEntry(new StreamEntry((RedisValue)entry[0], pairs));
        }

        _cache.Append(taken);
        Volatile.Write(ref _lastId, taken[^1].Id);
    }

    /// <summary>Reads where the stream begins and ends, and starts this node's cache from its end.</summary>
    internal async Task StartFromTheEndAsync()
    {
        if (await InfoAsync() is StreamInfo info)
        {
            SetOldest(info);
            Volatile.Write(ref _lastId, FeedStreamIds.ToFeedId(info.LastGeneratedId));
        }

        _cache.StartAfter(LastId);
    }

    /// <summary>
    /// Completes once the follow loop has read the stream up to its newest entry as of now; at once while Redis is
    /// away (what this node has not seen, it cannot vouch for).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        StreamInfo? info;
        try
        {
            info = await InfoAsync().WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return;
        }

        if (info is not StreamInfo stream)
        {
            return;
        }

        long newest = FeedStreamIds.ToFeedId(stream.LastGeneratedId);
        while (true)
        {
            // Taken before the position is read, so a pulse in between is not missed.
            Task changed = Changed;
            if (LastId >= newest || IsCompleted)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Reads the oldest id the stream holds, which trimming moves on.</summary>
    private async Task RefreshOldestAsync()
    {
        if (await InfoAsync() is StreamInfo info)
        {
            SetOldest(info);
        }
    }

    private async Task<StreamInfo?> InfoAsync()
    {
        try
        {
            return await Database.StreamInfoAsync(_options.FeedStreamKey);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("no such key", StringComparison.Ordinal))
        {
            // A stream not yet created holds nothing.
            return null;
        }
    }

    private void SetOldest(StreamInfo info)
    {

        // Until MAXLEN has trimmed something (Redis 7 counts the entries ever added), every id is still readable. After
        // that, reading from below the first entry held may have lost some: Redis does not say which ids trimming
        // took, so a reader whose last entry was the newest trimmed one is reset too, a MAXLEN behind in any case.
        bool trimmed = info.EntriesAdded > info.Length;
        long oldest = !trimmed ? FirstId : info.Length > 0 ? FeedStreamIds.ToFeedId(info.FirstEntry.Id) : FeedStreamIds.ToFeedId(info.LastGeneratedId) + 1;
        Volatile.Write(ref _oldestId, oldest);
    }

    // The stream id of the newest entry seen ("0-0" before any), derived from the feed id, which maps both ways.
    private RedisValue LastStreamId() => LastId == 0 ? "0-0" : FeedStreamIds.ToStreamId(LastId);
}
