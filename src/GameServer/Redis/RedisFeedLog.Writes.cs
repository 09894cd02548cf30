using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisFeedLog
{
    // XADDs sent before their replies are awaited: a burst costs one round trip per batch, not one per event.
    private const int WriteBatch = 256;

    /// <summary>
    /// Adds the queued events to the stream in the order appended: pipelined on one connection, so Redis gives them
    /// increasing ids in that order. A failed XADD loses its event, counted and logged; keeping it for when Redis
    /// returns is issue 14's failure item, still to come.
    /// </summary>
    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Task<RedisValue>>(WriteBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < WriteBatch && _queue.Reader.TryRead(out QueuedFeedEvent queued))
                {
                    batch.Add(AddAsync(queued));
                }

                foreach (Task<RedisValue> added in batch)
                {
                    try
                    {
                        await added;
                        _metrics.Appended();
                    }
                    catch (Exception exception) when (exception is RedisException or TimeoutException)
                    {
                        WriteFailed(exception);
                    }
                }

                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                _flushed.Pulse();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Completes once everything appended so far has been written to Redis (or failed and been counted).</summary>
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
            // Thrown rather than faulted (no connection at all): still one lost event, never the end of the loop.
            return Task.FromException<RedisValue>(exception);
        }
    }

    private void WriteFailed(Exception exception)
    {
        _metrics.EventFailed();
        if (_failureLogs.TryAcquire(_time.GetTimestamp(), out long suppressed))
        {
            LogWriteFailed(_logger, exception, _options.FeedStreamKey, suppressed);
        }
    }

    [LoggerMessage(EventId = 54, EventName = "FeedRedisWriteFailed", Level = LogLevel.Warning,
        Message = "A spectator feed event could not be added to the Redis stream {StreamKey} and was dropped; {SuppressedCount} other failures were not logged since the last one.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string streamKey, long suppressedCount);
}
