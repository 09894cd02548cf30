using System.Net.Http.Json;

namespace GameServer.Tests.Infrastructure;

/// <summary>POST /matchmaking as a client calls it, and the seat it answers.</summary>
internal static class Matchmaking
{
    public static async Task<Placement> PostAsync(HttpClient http, uint? matchId = null)
    {
        using HttpResponseMessage response = await http.PostAsync(matchId is uint id ? $"/matchmaking?matchId={id}" : "/matchmaking", content: null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Placement>())!;
    }

    /// <summary>The answer of POST /matchmaking.</summary>
    public sealed record Placement(uint MatchId, string Url, string Seat, double ExpiresInSeconds)
    {
        public Uri SeatUri => new($"{Url}?seat={Uri.EscapeDataString(Seat)}");
    }
}
