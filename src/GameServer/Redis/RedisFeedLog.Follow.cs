using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisFeedLog
{
    // Below the client's 5 s command timeout, which a longer block would trip.
    private static readonly TimeSpan s_maxBlock = TimeSpan.FromSeconds(1);

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
                    RedisResult result = await follows.ExecuteAsync("XREAD", "COUNT", 1, "BLOCK", (long)Math.Max(1, block.TotalMilliseconds),
                        "STREAMS", _options.FeedStreamKey, LastStreamId()).WaitAsync(cancellationToken);
                    if (!result.IsNull)
                    {
                        await RefreshAsync();
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

    /// <summary>Reads the oldest and newest ids the stream holds; a stream not yet created holds none.</summary>
    internal async Task RefreshAsync()
    {
        StreamInfo info;
        try
        {
            info = await Database.StreamInfoAsync(_options.FeedStreamKey);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("no such key", StringComparison.Ordinal))
        {
            return;
        }

        // Until MAXLEN has trimmed something (Redis 7 counts the entries ever added), every id is still readable. After
        // that, reading from below the first entry held may have lost some: Redis does not say which ids trimming
        // took, so a reader whose last entry was the newest trimmed one is reset too, a MAXLEN behind in any case.
        long last = FeedStreamIds.ToFeedId(info.LastGeneratedId);
        bool trimmed = info.EntriesAdded > info.Length;
        long oldest = !trimmed ? FirstId : info.Length > 0 ? FeedStreamIds.ToFeedId(info.FirstEntry.Id) : last + 1;
        Volatile.Write(ref _oldestId, oldest);
        Volatile.Write(ref _lastId, last);
    }

    // The stream id of the newest entry seen ("0-0" before any), derived from the feed id, which maps both ways.
    private RedisValue LastStreamId() => LastId == 0 ? "0-0" : FeedStreamIds.ToStreamId(LastId);
}
