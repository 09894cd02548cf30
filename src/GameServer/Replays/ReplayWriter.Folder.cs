using GameServer.Simulation.Replays;

namespace GameServer.Replays;

public sealed partial class ReplayWriter
{
    /// <summary>Lists the folder's finished replays and deletes partial ones (a stopped node's recordings cut short).</summary>
    private void Load()
    {
        try
        {
            Directory.CreateDirectory(catalog.Folder);
            foreach (string partial in Directory.EnumerateFiles(catalog.Folder, "*" + ReplayCatalog.Extension + PartialExtension))
            {
                File.Delete(partial);
            }

            foreach (string path in Directory.EnumerateFiles(catalog.Folder, "*" + ReplayCatalog.Extension))
            {
                string id = Path.GetFileNameWithoutExtension(path);
                try
                {
                    catalog.Add(ReplayCatalog.Describe(id, path));
                }
                catch (ReplayFormatException exception)
                {
                    LogUnreadable(logger, path, exception.Message);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFolderFailed(logger, exception, catalog.Folder);
        }
    }

    /// <summary>Deletes the replays beyond Replays:MaxFiles (oldest first) and those older than Replays:MaxAge.</summary>
    private void ApplyRetention()
    {
        DateTimeOffset oldest = recorders.Time.GetUtcNow() - _options.MaxAge;
        IReadOnlyList<ReplayEntry> entries = catalog.List();
        for (int i = 0; i < entries.Count; i++)
        {
            ReplayEntry entry = entries[i];
            if (i >= _options.MaxFiles || entry.Ended < oldest)
            {
                catalog.Remove(entry.Id);
                try
                {
                    File.Delete(catalog.PathFor(entry.Id));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    LogDeleteFailed(logger, exception, entry.Id);
                }
            }
        }
    }

    [LoggerMessage(EventId = 92, EventName = "ReplayUnreadable", Level = LogLevel.Warning, Message = "Replay file {Path} is not listed: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 93, EventName = "ReplayFolderFailed", Level = LogLevel.Error, Message = "The replay folder {Folder} cannot be read or created; recordings will fail")]
    private static partial void LogFolderFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 94, EventName = "ReplayDeleteFailed", Level = LogLevel.Warning, Message = "Replay {ReplayId} could not be deleted by retention")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string replayId);
}
