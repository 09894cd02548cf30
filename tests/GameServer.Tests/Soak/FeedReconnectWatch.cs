using GameServer.Tests.Spectators;

namespace GameServer.Tests.Soak;

/// <summary>
/// Reads the whole server's spectator feed and measures, from the server's own ticks, how long each dropped player
/// stayed away: from its <c>player.disconnected</c> to its <c>player.resumed</c>. What a bot says of its own delay
/// is not evidence; these are what the server saw.
/// </summary>
internal sealed class FeedReconnectWatch
{
    private readonly Dictionary<(uint Match, uint Player), uint> _droppedAt = [];

    public int Resumes { get; private set; }

    /// <summary>The shortest time away in ticks, or null before any resume.</summary>
    public uint? ShortestAbsenceTicks { get; private set; }

    public async Task RunAsync(TestServer server, CancellationToken stop)
    {
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");
        using CancellationTokenRegistration closing = stop.Register(() => feed.Response.Dispose());
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Observe(await feed.NextEventAsync());
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Disposing the response ends the read with whatever exception the stream throws.
        }
    }

    private void Observe(SseMessage message)
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
