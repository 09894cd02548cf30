using System.Text.RegularExpressions;
using GameServer.LoadTest.Reporting;
using GameServer.LoadTest.Reporting.Charts;

namespace GameServer.Tests.LoadTest;

/// <summary>The load report's chart axes: round ticks, readable labels, and a sane axis for a series that stays at zero.</summary>
public sealed partial class ReportChartTests
{
    [Theory]
    [InlineData(93.7, false, 100, 25)]
    [InlineData(100, false, 100, 25)]
    [InlineData(1234, false, 1500, 500)]
    [InlineData(0.0123, false, 0.015, 0.005)]
    [InlineData(7, true, 8, 2)]
    [InlineData(3, true, 3, 1)]
    [InlineData(0.4, true, 1, 1)]
    [InlineData(61, true, 80, 20)]
    public void Nice_AnyMaximum_GivesRoundStepsCoveringIt(double dataMax, bool integers, double max, double step)
    {
        AxisScale scale = AxisScale.Nice(dataMax, 4, integers);

        Assert.Equal((max, step), (scale.Max, scale.Step));
        Assert.True(scale.Max >= dataMax);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(-5)]
    public void Nice_AllZeroSeries_GivesZeroToOneWithPlainLabels(double dataMax)
    {
        AxisScale scale = AxisScale.Nice(dataMax);

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], scale.Ticks());
        Assert.Equal(["0", "0.25", "0.5", "0.75", "1"], scale.Ticks().Select(scale.Label));
        Assert.Equal([0, 1], AxisScale.Nice(dataMax, integers: true).Ticks());
    }

    [Fact]
    public void Label_LargeAndSmallValues_HasNoExponentAndShortensThousands()
    {
        AxisScale bytes = AxisScale.Nice(3_456_789);
        AxisScale tiny = AxisScale.Nice(0.0003);

        Assert.Equal(["0", "1M", "2M", "3M", "4M"], bytes.Ticks().Select(bytes.Label));
        Assert.Equal(["0", "0.0001", "0.0002", "0.0003"], tiny.Ticks().Select(tiny.Label));
        Assert.Equal("1.25k", AxisScale.Nice(1234).Label(1250));
    }

    [Fact]
    public void Render_ZeroErrorsAndAWindow_DrawsUnitsTheWindowAndALegendWithoutExponents()
    {
        var samples = Enumerable.Range(1, 30)
            .Select(t => new TimeSample { T = t, Connected = Math.Min(t * 10, 100), Joined = Math.Min(t * 10, 100), RttP50 = 1.5, RttP99 = 1.5 })
            .ToList();
        var report = new SwarmReport { Series = samples, WindowStartSeconds = 12, DurationSeconds = 30 };

        string html = ReportCharts.Render(report);

        Assert.DoesNotMatch(ExponentPattern(), html);
        Assert.Contains("measurement window (12–30 s)", html, StringComparison.Ordinal);
        Assert.Contains("time since start (s)", html, StringComparison.Ordinal);
        Assert.Contains(">count since start</text>", html, StringComparison.Ordinal);
        Assert.Contains(">ticks missed</text>", html, StringComparison.Ordinal);
        // Lines that lie on top of each other (connected and joined; p50 and p99) differ in dash as well as colour.
        Assert.Contains("stroke-dasharray=\"9 4\"", html, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Count(html, "<svg "));
    }

    // A label such as 1e-9 or 2.5E+06 (colours like #e2e2e2 are not labels).
    [GeneratedRegex(@">-?[0-9.]+[eE][-+]?[0-9]+[kM]?</text>")]
    private static partial Regex ExponentPattern();
}
