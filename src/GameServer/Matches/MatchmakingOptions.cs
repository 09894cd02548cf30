using System.ComponentModel.DataAnnotations;

namespace GameServer.Matches;

/// <summary>How players are grouped into matches (configuration section "Matchmaking").</summary>
public sealed class MatchmakingOptions
{
    public const string Section = "Matchmaking";

    /// <summary>The game a Join that names none plays: one of the registered games' names ("arena", "tag"). Default "arena".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Matchmaking:Game must name a game.")]
    public string Game { get; set; } = "arena";

    /// <summary>Players per match. Default 16.</summary>
    [Range(1, 256, ErrorMessage = "Matchmaking:Capacity must be between 1 and 256 players.")]
    public int Capacity { get; set; } = 16;

    /// <summary>Players needed before a match counts down to its start. Default 2.</summary>
    [Range(1, 256, ErrorMessage = "Matchmaking:MinPlayersToStart must be between 1 and 256 players.")]
    public int MinPlayersToStart { get; set; } = 2;

    /// <summary>How long a match may stay without players before it is removed. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Matchmaking:EmptyMatchTimeout must be between 00:00:00 and 01:00:00.")]
    public TimeSpan EmptyMatchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Length of a match. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "02:00:00", ErrorMessage = "Matchmaking:MatchDuration must be between 00:00:10 and 02:00:00.")]
    public TimeSpan MatchDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far back a shot may be judged against the world its shooter saw (lag compensation, protocol.md); zero turns it
    /// off. Default 200 ms. Longer helps players far away and hurts their targets, who get hit behind cover later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Matchmaking:LagCompensation must be between 00:00:00 and 00:00:01.")]
    public TimeSpan LagCompensation { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Inputs kept per player between two ticks; older ones are dropped. Default 8.</summary>
    [Range(1, 64, ErrorMessage = "Matchmaking:MaxInputsPerTick must be between 1 and 64.")]
    public int MaxInputsPerTick { get; set; } = 8;

    /// <summary>How long a seat that POST /matchmaking reserved waits for its player's Join before it is given back. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Matchmaking:SeatHoldTime must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan SeatHoldTime { get; set; } = TimeSpan.FromSeconds(10);
}
