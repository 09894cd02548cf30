namespace GameServer.Replays;

/// <summary>A recorded match as <c>GET /replays</c> lists it.</summary>
/// <param name="Id">The replay's id, for <c>GET /replays/{id}</c> and the page <c>/replay/{id}</c>.</param>
/// <param name="MatchId">The match's id on the node that ran it.</param>
/// <param name="Game">The game's name, such as "arena" or "tag": the replay page draws it with this game's renderer.</param>
/// <param name="Started">When the match opened.</param>
/// <param name="Ended">When the recording ended.</param>
/// <param name="Ticks">Ticks recorded.</param>
/// <param name="Players">Players who joined while it was recorded.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Complete">False when the recording stopped at Replays:MaxBytesPerMatch.</param>
public sealed record ReplayEntry(string Id, uint MatchId, string Game, DateTimeOffset Started, DateTimeOffset Ended, uint Ticks, int Players, long Bytes, bool Complete);
