namespace GameServer.LoadTest.Reporting.Charts;

/// <summary>One line of a chart: its name in the legend and its value in each second of the run.</summary>
public sealed record ChartSeries(string Name, Func<TimeSample, double> Value);
