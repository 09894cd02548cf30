using GameServer.Tests.Spectators;

namespace GameServer.Tests.Soak;

/// <summary>
/// Reads every match's spectator feed and measures, from the server's own ticks, how long each dropped player
/// stayed away: from its <c>player.disconnected</c> to its <c>player.resumed</c>. What a bot says of its own delay
/// is not evidence; these are what the server saw.
/// </summary>
internal sealed class FeedReconnectWatch
{
    private readonly Dictionary<(uint Match, uint Player), uint> _droppedAt = [];

    public int Resumes { get; private set; }

    /// <summary>The shortest time away in ticks, or null before any resume.</summary>
    public uint? ShortestAbsenceTicks { get; private set; }

    /// <summary>Follows the overview for the matches, and each match's own feed, which carries its players' drops and resumes.</summary>
    public async Task RunAsync(TestServer server, CancellationToken stop)
    {
        var watched = new Dictionary<uint, Task>();
        await ReadAsync(server, "/events", stop, message =>
        {
            if (message.Event == "summary")
            {
                foreach (System.Text.Json.JsonElement match in message.Json.GetProperty("matches").EnumerateArray())
                {
                    uint id = match.GetProperty("id").GetUInt32();
                    watched.TryAdd(id, ReadAsync(server, $"/matches/{id}/events", stop, Observe));
                }
            }
        });
        await Task.WhenAll(watched.Values);
    }

    private static async Task ReadAsync(TestServer server, string path, CancellationToken stop, Action<SseMessage> observe)
    {
        try
        {
            await using SseClient feed = await SseClient.OpenAsync(server, path);
            using CancellationTokenRegistration closing = stop.Register(() => feed.Response.Dispose());
            while (!stop.IsCancellationRequested)
            {
                observe(await feed.NextEventAsync());
            }
        }
        catch (Exception) when (stop.IsCancellationRequested || path != "/events")
        {
            // Disposing the response ends the read with whatever exception the stream throws; a match's feed also
            // ends (or answers 204) when its match is removed.
        }
    }

    // Called from every match's feed at once.
    private void Observe(SseMessage message)
    {
        lock (_droppedAt)
        {
            ObserveLocked(message);
        }
    }

    private void ObserveLocked(SseMessage message)
    {
        if (message.Event is not ("player.disconnected" or "player.resumed"))
        {
            return;
        }

        var data = message.Json;
        (uint, uint) key = (data.GetProperty("matchId").GetUInt32(), data.GetProperty("playerId").GetUInt32());
        uint tick = data.GetProperty("tick").GetUInt32();
        if (message.Event == "player.disconnected")
        {
            _droppedAt[key] = tick;
        }
        else if (_droppedAt.Remove(key, out uint droppedAt))
        {
            Resumes++;
            uint away = tick - droppedAt;
            ShortestAbsenceTicks = ShortestAbsenceTicks is uint shortest ? Math.Min(shortest, away) : away;
        }
    }
}
