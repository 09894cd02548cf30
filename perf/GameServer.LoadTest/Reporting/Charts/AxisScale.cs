using System.Globalization;

namespace GameServer.LoadTest.Reporting.Charts;

/// <summary>
/// A chart axis from 0 to a round maximum, with round ticks (1, 2, 2.5 or 5 times a power of ten) and short labels:
/// what a reader can read off at a glance. An all-zero or empty series gets the axis 0..1, never 0..1e-9.
/// </summary>
/// <param name="Max">The top of the axis, a whole number of steps.</param>
/// <param name="Step">The distance between two ticks.</param>
public readonly record struct AxisScale(double Max, double Step)
{
    private static readonly double[] s_multiples = [1, 2, 2.5, 5, 10];

    /// <summary>The scale for values from 0 to <paramref name="dataMax"/> with about <paramref name="intervals"/> intervals.</summary>
    /// <param name="integers">Counts: no tick between two whole numbers.</param>
    public static AxisScale Nice(double dataMax, int intervals = 4, bool integers = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        if (!(dataMax > 0) || double.IsInfinity(dataMax))
        {
            // Nothing to show: a plain 0..1 axis, so a flat zero line sits at the bottom under readable labels.
            return integers ? new AxisScale(1, 1) : new AxisScale(1, 0.25);
        }

        double raw = dataMax / intervals;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = magnitude * 10;
        foreach (double multiple in s_multiples)
        {
            double candidate = multiple * magnitude;
            if (candidate >= raw * (1 - 1e-9) && (!integers || IsWhole(candidate)))
            {
                step = candidate;
                break;
            }
        }

        if (integers)
        {
            step = Math.Max(1, step);
        }

        double max = Math.Ceiling((dataMax / step) - 1e-9) * step;
        return new AxisScale(Round(max, step), step);
    }

    /// <summary>The tick values from 0 to <see cref="Max"/>, each a whole multiple of the step.</summary>
    public IReadOnlyList<double> Ticks()
    {
        int count = (int)Math.Round(Max / Step);
        var ticks = new double[count + 1];
        for (int i = 0; i <= count; i++)
        {
            ticks[i] = Round(i * Step, Step);
        }

        return ticks;
    }

    /// <summary>A short label: plain digits, k and M for thousands and millions, never an exponent.</summary>
    public string Label(double value)
    {
        double magnitude = Math.Abs(value);
        (double scaled, string suffix) = magnitude >= 1e6 && Step >= 1e5 ? (value / 1e6, "M")
            : magnitude >= 1e3 && Step >= 100 ? (value / 1e3, "k")
            : (value, string.Empty);
        return Math.Round(scaled, 6).ToString("0.######", CultureInfo.InvariantCulture) + suffix;
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;

    // Rounds away the binary noise of multiplying steps (0.1 * 3 = 0.30000000000000004).
    private static double Round(double value, double step)
    {
        int decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        return Math.Round(value, decimals);
    }
}
