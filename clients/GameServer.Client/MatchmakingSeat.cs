using System.Text.Json.Serialization;

namespace GameServer.Client;

/// <summary>A seat from <c>POST /matchmaking</c>: the match, the WebSocket URL of the node that runs it, the seat token, and how long it is held.</summary>
public sealed class MatchmakingSeat
{
    [JsonPropertyName("matchId")]
    public uint MatchId { get; set; }

    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    [JsonPropertyName("seat")]
    public string Seat { get; set; } = "";

    [JsonPropertyName("expiresInSeconds")]
    public double ExpiresInSeconds { get; set; }

    /// <summary>The URL to open: the node's WebSocket with the seat in its query.</summary>
    public Uri SeatUri => new Uri(Url + "?seat=" + Uri.EscapeDataString(Seat));
}
