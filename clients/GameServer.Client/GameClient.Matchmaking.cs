using System.Globalization;
using System.Text.Json;
using GameServer.Protocol;

namespace GameServer.Client;

public sealed partial class GameClient
{
    /// <summary>
    /// Asks the server at <paramref name="server"/> (its HTTP base URL, such as <c>http://localhost:5000</c>) for a seat
    /// (in a match of <see cref="GameClientOptions.Game"/> unless <paramref name="matchId"/> names one),
    /// connects to the node that runs the seat's match and joins it; returns once Welcome and the first Snapshot have
    /// arrived. On a cluster that node may be another than the one asked; <see cref="ResumeAsync"/> goes back to it.
    /// </summary>
    /// <param name="matchId">A match to join; null for the fullest joinable one of the cluster.</param>
    /// <param name="http">Used for the request; null for one made for it. Pass one when you matchmake often.</param>
    /// <exception cref="GameClientException">The server gave no seat (no such match or game, full, not taking players), or refused the Join.</exception>
    public static async Task<GameClient> MatchmakeAsync(Uri server, string name, uint? matchId = null, GameClientOptions? options = null,
        HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        options ??= new GameClientOptions();
        MatchmakingSeat seat = await RequestSeatAsync(server, matchId, http, options.Game, cancellationToken).ConfigureAwait(false);

        // The node's URL without the seat: a reconnect to resume goes there, and a seat is good for one Join only.
        var client = new GameClient(new Uri(seat.Url), options);
        try
        {
            await client.OpenAsync(seat.SeatUri, cancellationToken).ConfigureAwait(false);
            await client.JoinCoreAsync(new JoinMessage(name, seat.MatchId, ResumeToken.None), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    /// <summary><c>POST /matchmaking</c> on the server at <paramref name="server"/>: a seat held for a short while (protocol.md, "Matchmaking (HTTP)").</summary>
    /// <exception cref="GameClientException">The server answered with a refusal (404, 409, 503 ...): its status and detail.</exception>
    public static Task<MatchmakingSeat> RequestSeatAsync(Uri server, uint? matchId = null, HttpClient? http = null, CancellationToken cancellationToken = default) =>
        RequestSeatAsync(server, matchId, http, game: null, cancellationToken);

    /// <summary>
    /// <c>POST /matchmaking</c> for a seat in a match of <paramref name="game"/> (null: the server's default game), or in
    /// the match <paramref name="matchId"/> names, whose game is its own.
    /// </summary>
    /// <exception cref="GameClientException">The server answered with a refusal (404 for no such match or game, 409, 503 ...): its status and detail.</exception>
    public static async Task<MatchmakingSeat> RequestSeatAsync(Uri server, uint? matchId, HttpClient? http, string? game, CancellationToken cancellationToken = default)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        string path = matchId is uint id ? "matchmaking?matchId=" + id.ToString(CultureInfo.InvariantCulture)
            : game is not null ? "matchmaking?game=" + Uri.EscapeDataString(game)
            : "matchmaking";
        var endpoint = new Uri(new Uri(server.ToString().TrimEnd('/') + "/"), path);
        HttpClient client = http ?? new HttpClient();
        try
        {
            using var empty = new ByteArrayContent([]);
            using HttpResponseMessage response = await client.PostAsync(endpoint, empty, cancellationToken).ConfigureAwait(false);
#if NET
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
            if (!response.IsSuccessStatusCode)
            {
                throw new GameClientException($"POST /matchmaking answered {(int)response.StatusCode}: {body}");
            }

            return Parse(body) is { Url.Length: > 0, Seat.Length: > 0 } seat
                ? seat
                : throw new GameClientException("POST /matchmaking answered without a seat: " + body);
        }
        finally
        {
            if (http is null)
            {
                client.Dispose();
            }
        }
    }

    private static MatchmakingSeat? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<MatchmakingSeat>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
