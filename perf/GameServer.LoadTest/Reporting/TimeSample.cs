namespace GameServer.LoadTest.Reporting;

/// <summary>One second of the run, for the time series.</summary>
public sealed class TimeSample
{
    /// <summary>Seconds since the start of the run, at the end of this sample.</summary>
    public int T { get; init; }

    public int Connected { get; init; }

    public int Joined { get; init; }

    public int Failed { get; init; }

    public long MessagesInPerSecond { get; init; }

    public long MessagesOutPerSecond { get; init; }

    public long BytesInPerSecond { get; init; }

    public double DeltasPerSecondPerBot { get; init; }

    public double RttP50 { get; init; }

    public double RttP90 { get; init; }

    public double RttP99 { get; init; }

    public double RttMax { get; init; }

    public double StateLagP50 { get; init; }

    public double StateLagP99 { get; init; }

    public long Errors { get; init; }

    public long TicksMissed { get; init; }
}
