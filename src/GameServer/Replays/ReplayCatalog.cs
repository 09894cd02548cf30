using GameServer.Simulation.Replays;
using Microsoft.Extensions.Options;

namespace GameServer.Replays;

/// <summary>The finished replays in the folder: filled by the writer (at start from the folder, then per file), read by the HTTP API.</summary>
public sealed class ReplayCatalog(IOptions<ReplayOptions> options, IHostEnvironment environment)
{
    /// <summary>The extension of a finished replay file.</summary>
    public const string Extension = ".replay";

    // Enough for any Start record (a game's settings are a few hundred bytes).
    private const int HeadBytes = 64 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ReplayEntry> _entries = [];

    /// <summary>The folder, absolute.</summary>
    public string Folder { get; } = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    /// <summary>The replays, newest first.</summary>
    public IReadOnlyList<ReplayEntry> List()
    {
        lock (_lock)
        {
            return [.. _entries.Values.OrderByDescending(e => e.Started).ThenByDescending(e => e.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The file of a listed replay, or null: only listed ids name a path, so no request picks its own.</summary>
    public string? PathOf(string id)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(id) ? PathFor(id) : null;
        }
    }

    /// <summary>A listed replay, or null.</summary>
    public ReplayEntry? Find(string id)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(id);
        }
    }

    internal string PathFor(string id) => Path.Combine(Folder, id + Extension);

    internal void Add(ReplayEntry entry)
    {
        lock (_lock)
        {
            _entries[entry.Id] = entry;
        }
    }

    internal void Remove(string id)
    {
        lock (_lock)
        {
            _entries.Remove(id);
        }
    }

    /// <summary>An entry from a file's Start and End records: its head and its tail are read, not the whole file.</summary>
    /// <exception cref="ReplayFormatException">The file is truncated or corrupted there.</exception>
    internal static ReplayEntry Describe(string id, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        byte[] head = new byte[(int)Math.Min(file.Length, HeadBytes)];
        file.ReadExactly(head);
        byte[] tail = new byte[Math.Min(file.Length, ReplayFormat.EndRecordLength)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        (ReplayStart start, ReplayEnd end) = ReplayReader.ReadStartAndEnd(head, tail);
        return new ReplayEntry(id, start.MatchId, start.Game, DateTimeOffset.FromUnixTimeMilliseconds(start.StartedUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(end.EndedUnixMs), end.Tick, end.Players, file.Length, end.Reason == ReplayEndReason.MatchEnded);
    }
}
