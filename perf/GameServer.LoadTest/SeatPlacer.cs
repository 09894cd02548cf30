using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.LoadTest.Transport;

namespace GameServer.LoadTest;

/// <summary>
/// Seats from POST /matchmaking for the swarm's <c>--matchmake</c> mode: bot i asks node i mod n, so a swarm's joins
/// start on every node given and the cluster places them. Counts the seats each node's WebSocket was given.
/// </summary>
internal sealed class SeatPlacer(IReadOnlyList<Uri> nodes) : IDisposable
{
    // One connection pool for the whole swarm: thousands of bots ask once each, not a connection apiece.
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, int> _seatsByNode = new(StringComparer.Ordinal);

    /// <summary>Seats handed out, by the WebSocket URL of the node they were for.</summary>
    public IReadOnlyDictionary<string, int> SeatsByNode => _seatsByNode;

    /// <param name="game">The game to be seated in (protocol.md, "Matchmaking (HTTP)"); null for the server's default.</param>
    public async Task<Placement> SeatAsync(int botIndex, string? game, CancellationToken cancellationToken)
    {
        Uri endpoint = new(nodes[botIndex % nodes.Count], game is null ? "/matchmaking" : "/matchmaking?game=" + Uri.EscapeDataString(game));
        Placement? seat;
        try
        {
            using HttpResponseMessage response = await _http.PostAsync(endpoint, content: null, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new BotException(ErrorKind.MatchmakingFailed, $"POST {endpoint} answered {(int)response.StatusCode}.");
            }

            seat = await response.Content.ReadFromJsonAsync<Placement>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BotException(ErrorKind.MatchmakingFailed, $"POST {endpoint} failed: {ex.Message}");
        }

        if (seat is null || seat.Url.Length == 0 || seat.Seat.Length == 0)
        {
            throw new BotException(ErrorKind.MatchmakingFailed, $"POST {endpoint} answered no seat.");
        }

        _seatsByNode.AddOrUpdate(seat.Url, 1, static (_, count) => count + 1);
        return seat;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The answer of POST /matchmaking (protocol.md, "Matchmaking (HTTP)").</summary>
    public sealed record Placement(uint MatchId, string Url, string Seat)
    {
        public Uri NodeUri => new(Url);

        public Uri SeatUri => new($"{Url}?seat={Uri.EscapeDataString(Seat)}");
    }
}
