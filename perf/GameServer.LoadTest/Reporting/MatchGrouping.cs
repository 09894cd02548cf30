namespace GameServer.LoadTest.Reporting;

/// <summary>How the server grouped the bots into matches, from each bot's Welcome.</summary>
public sealed class MatchGrouping
{
    public int Matches { get; init; }

    public int MinPlayers { get; init; }

    public int MaxPlayers { get; init; }

    /// <summary>The match size the run expected (<c>--match-size</c>), if any.</summary>
    public int? Expected { get; init; }
}
