using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisFeedLog
{
    // XADDs sent before their replies are awaited: a burst costs one round trip per batch, not one per event.
    private const int WriteBatch = 256;

    /// <summary>
    /// Adds the queued events to the stream in the order appended: pipelined on one connection, so Redis gives them
    /// increasing ids in that order. Events Redis did not take (it is away) are kept, oldest first, and tried again
    /// with a capped backoff, one at a time until one gets through, so they reach the stream in order; those are
    /// held against <see cref="RedisOptions.FeedQueueCapacity"/> like the queued ones.
    /// </summary>
    /// <remarks>
    /// An XADD that Redis applied but whose reply the lost connection took is written again: a duplicate under a later
    /// id, the price of losing nothing. A killed Redis without persistence, the case tested, applied none of them.
    /// Order could only slip where a batch's first failure is followed by a success in that same batch, which a lost
    /// connection does not give: every command after the first one it failed fails too.
    /// </remarks>
    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        // Taken from the queue but not in the stream yet.
        var unwritten = new List<QueuedFeedEvent>(WriteBatch);
        var sends = new List<Task<RedisValue>>(WriteBatch);
        TimeSpan retry = s_firstRetry;
        try
        {
            while (unwritten.Count > 0 || await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                int batch = Volatile.Read(ref _writesLost) ? 1 : WriteBatch;
                while (unwritten.Count < batch && _queue.Reader.TryRead(out QueuedFeedEvent queued))
                {
                    unwritten.Add(queued);
                }

                for (int i = 0; i < batch && i < unwritten.Count; i++)
                {
                    sends.Add(AddAsync(unwritten[i]));
                }

                Exception? lost = await SettleAsync(unwritten, sends);
                if (lost is null)
                {
                    RedisBack(ref _writesLost);
                    retry = s_firstRetry;
                    continue;
                }

                RedisLost(ref _writesLost, lost);
                await Task.Delay(retry, _time, cancellationToken);
                retry = NextRetry(retry);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Awaits the sends of the first <paramref name="unwritten"/> events and removes the ones that are done with:
    /// written, or refused by Redis for good. Returns the first failure that is worth trying again, if any.
    /// </summary>
    private async Task<Exception?> SettleAsync(List<QueuedFeedEvent> unwritten, List<Task<RedisValue>> sends)
    {
        Exception? lost = null;
        int kept = 0;
        for (int i = 0; i < sends.Count; i++)
        {
            try
            {
                await sends[i];
                _metrics.Appended();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                if (!IsTransient(exception))
                {
                    WriteRefused(exception);
                    continue;
                }

                unwritten[kept++] = unwritten[i];
                lost ??= exception;
            }
        }

        int settled = sends.Count - kept;
        unwritten.RemoveRange(kept, settled);
        sends.Clear();
        if (settled > 0)
        {
            Interlocked.Add(ref _held, -settled);
            Interlocked.Add(ref _written, settled);
            _flushed.Pulse();
        }

        return lost;
    }

    // Redis answered with an error: trying again would only repeat it, unless it is still loading its data at a restart.
    private static bool IsTransient(Exception exception) =>
        exception is not RedisServerException || exception.Message.StartsWith("LOADING", StringComparison.Ordinal);

    /// <summary>Completes once everything appended so far has been written to Redis (or refused by it and counted).</summary>
    internal async Task FlushedAsync(CancellationToken cancellationToken)
    {
        long target = Volatile.Read(ref _queued);
        while (true)
        {
            Task flushed = _flushed.Changed;
            if (Volatile.Read(ref _written) >= target)
            {
                return;
            }

            await flushed.WaitAsync(cancellationToken);
        }
    }

    private Task<RedisValue> AddAsync(in QueuedFeedEvent queued)
    {
        try
        {
            return Database.StreamAddAsync(
                _options.FeedStreamKey,
                [new(s_matchField, queued.MatchId), new(s_eventField, queued.EventName), new(s_dataField, queued.Data)],
                messageId: null,
                maxLength: _options.FeedMaxLength,
                useApproximateMaxLength: true);
        }
        catch (RedisException exception)
        {
            // Thrown rather than faulted (no connection at all): kept like a faulted one, never the end of the loop.
            return Task.FromException<RedisValue>(exception);
        }
    }

    private void WriteRefused(Exception exception)
    {
        _metrics.EventFailed();
        if (_refusalLogs.TryAcquire(_time.GetTimestamp(), out long suppressed))
        {
            LogWriteRefused(_logger, exception, _options.FeedStreamKey, suppressed);
        }
    }

    [LoggerMessage(EventId = 54, EventName = "FeedRedisWriteRefused", Level = LogLevel.Warning,
        Message = "Redis refused to add a spectator feed event to the stream {StreamKey}, which was dropped; {SuppressedCount} other failures were not logged since the last one.")]
    private static partial void LogWriteRefused(ILogger logger, Exception exception, string streamKey, long suppressedCount);
}
