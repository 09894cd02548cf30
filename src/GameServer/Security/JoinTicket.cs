using System.Text.Json.Serialization;

namespace GameServer.Security;

/// <summary>What a studio's backend vouches for: who may join, under which name, where, until when, once.</summary>
/// <param name="PlayerId">The studio's own id for the player.</param>
/// <param name="Name">The name the player plays under; it replaces the name in Join.</param>
/// <param name="MatchId">The match the player may join, or null for quick join.</param>
/// <param name="ExpiresAt">Unix time in seconds after which the ticket is refused.</param>
/// <param name="Nonce">Makes each ticket unique: a ticket is accepted once.</param>
public sealed record JoinTicket(
    [property: JsonPropertyName("sub")] string PlayerId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("match")] uint? MatchId,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("nonce")] string Nonce);
