namespace GameServer.LoadTest.Reporting;

/// <summary>The result of a run: the JSON report's shape. Rates are over the measurement window (after the ramp).</summary>
public sealed class SwarmReport
{
    public DateTimeOffset StartedAt { get; init; }

    public string Url { get; init; } = string.Empty;

    public string Transport { get; init; } = string.Empty;

    /// <summary>The subprotocol the bots spoke: gameserver.v2 or gameserver.v1.</summary>
    public string Protocol { get; init; } = string.Empty;

    public string Behaviour { get; init; } = string.Empty;

    /// <summary>The game the bots asked for (<c>--game</c>); null for the server's default.</summary>
    public string? Game { get; init; }

    /// <summary>Welcomes by the game they were into: which game the bots actually played.</summary>
    public Dictionary<string, long> WelcomesByGame { get; init; } = [];

    public int Bots { get; init; }

    /// <summary>Bots whose WebSocket upgrade succeeded.</summary>
    public int Connected { get; init; }

    /// <summary>Bots that received Welcome.</summary>
    public int Joined { get; init; }

    /// <summary>Bots still joined and healthy when the run ended.</summary>
    public int ActiveAtEnd { get; init; }

    public double DurationSeconds { get; init; }

    public double RampSeconds { get; init; }

    /// <summary>The window the rates and latencies below are measured over, from its start second to the end.</summary>
    public double WindowStartSeconds { get; init; }

    public double WindowSeconds { get; init; }

    public double InputsPerSecondPerBot { get; init; }

    public double PingsPerSecondPerBot { get; init; }

    public int TickRate { get; init; }

    public ErrorSummary Errors { get; init; } = new();

    public DeltaRate DeltasPerSecondPerBot { get; init; } = new();

    /// <summary>WebSocket payload bytes received per bot per second.</summary>
    public double BytesPerBotPerSecond { get; init; }

    public double BytesSentPerBotPerSecond { get; init; }

    /// <summary>The mean delta message's size: what the floor program imitates.</summary>
    public double BytesPerDelta { get; init; }

    public LatencySummary RttMs { get; init; } = new();

    public LatencySummary StateLagMs { get; init; } = new();

    public long TicksMissed { get; init; }

    public MatchGrouping Matches { get; init; } = new();

    /// <summary>Times a bot's match closed and the bot joined the next one.</summary>
    public long Rejoins { get; init; }

    public ChurnSummary Churn { get; init; } = new();

    /// <summary>With <c>--matchmake</c>: the seats POST /matchmaking gave, by the WebSocket URL of the node they were on. Empty otherwise.</summary>
    public Dictionary<string, int> SeatsByNode { get; init; } = [];

    public List<TimeSample> Series { get; init; } = [];

    /// <summary>True when every bot joined, nothing failed and no bot reconnected within a second: the exit code is 0.</summary>
    public bool Passed => Errors.Total == 0 && Joined == Bots && Churn.ReconnectsUnderOneSecond == 0;
}
