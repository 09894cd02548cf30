using Microsoft.Extensions.Options;

namespace GameServer.Replays;

/// <summary>
/// Writes the recorders' chunks to files off the tick: a recording is written as "{id}.replay.partial" and renamed
/// when its last chunk is in, then listed, and retention runs. At start, partial files (a crash's) are deleted and
/// the finished ones listed. On stop it drains the queue first: the node's matches have ended by then.
/// </summary>
public sealed partial class ReplayWriter(
    ReplayRecorders recorders,
    ReplayCatalog catalog,
    IOptions<ReplayOptions> options,
    ILogger<ReplayWriter> logger) : BackgroundService
{
    private const string PartialExtension = ".partial";

    private readonly ReplayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Off the host's start: the folder may hold many files.
        await Task.Yield();
        Load();
        ApplyRetention();
        try
        {
            while (await recorders.Chunks.WaitToReadAsync(stoppingToken))
            {
                Drain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Matches end before the writer stops (it is registered before MatchDrain): what they queued is written.
            recorders.Complete();
            Drain();
        }
    }

    private void Drain()
    {
        while (recorders.Chunks.TryRead(out ReplayChunk chunk))
        {
            Write(chunk);
        }
    }

    private void Write(in ReplayChunk chunk)
    {
        ReplayFile file = chunk.File;
        try
        {
            if (file.Failed)
            {
                return;
            }

            if (chunk.Kind == ReplayChunkKind.Abandoned)
            {
                Delete(file);
                LogAbandoned(logger, file.Id);
                return;
            }

            file.Stream ??= new FileStream(PartialPath(file), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
            file.Stream.Write(chunk.Buffer.AsSpan(0, chunk.Length));
            if (chunk.Kind == ReplayChunkKind.Last)
            {
                Complete(file);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            file.Failed = true;
            recorders.Metrics.WriteFailed();
            LogWriteFailed(logger, exception, file.Id);
            TryDelete(file);
        }
        finally
        {
            if (chunk.Buffer is not null)
            {
                recorders.Pool.Return(chunk.Buffer);
            }
        }
    }

    private void Complete(ReplayFile file)
    {
        long bytes = file.Stream!.Length;
        file.Stream.Dispose();
        file.Stream = null;
        File.Move(PartialPath(file), catalog.PathFor(file.Id), overwrite: true);
        catalog.Add(new ReplayEntry(file.Id, file.MatchId, file.Game, file.Started, DateTimeOffset.FromUnixTimeMilliseconds(file.End.EndedUnixMs),
            file.End.Tick, file.End.Players, bytes, file.End.Reason == Simulation.Replays.ReplayEndReason.MatchEnded));
        recorders.Metrics.Recorded();
        ApplyRetention();
    }

    private void Delete(ReplayFile file)
    {
        file.Stream?.Dispose();
        file.Stream = null;
        File.Delete(PartialPath(file));
    }

    private void TryDelete(ReplayFile file)
    {
        try
        {
            Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(logger, exception, file.Id);
        }
    }

    private string PartialPath(ReplayFile file) => catalog.PathFor(file.Id) + PartialExtension;

    [LoggerMessage(EventId = 90, EventName = "ReplayWriteFailed", Level = LogLevel.Error, Message = "Writing replay {ReplayId} failed; its file is deleted")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string replayId);

    [LoggerMessage(EventId = 91, EventName = "ReplayAbandoned", Level = LogLevel.Warning, Message = "Replay {ReplayId} was given up: the writer fell too far behind")]
    private static partial void LogAbandoned(ILogger logger, string replayId);
}
