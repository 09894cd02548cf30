using System.Globalization;
using System.Net;
using System.Text;

namespace GameServer.LoadTest.Reporting.Charts;

/// <summary>
/// Draws one time-series chart as inline SVG: round ticks on both axes with their units, the measurement window
/// shaded and labelled, and each series in its own colour and dash pattern, named in a legend, so that lines lying
/// on top of each other can still be told apart.
/// </summary>
public static class SvgChart
{
    private const int Width = 1000;
    private const int Height = 260;
    private const int Left = 70;
    private const int Right = 16;
    private const int Top = 34;
    private const int Bottom = 40;

    // Distinguishable in colour and, for readers who cannot tell the colours apart or for lines that coincide, in dash.
    private static readonly (string Colour, string Dash, double Width)[] s_styles =
    [
        ("#1f77b4", "", 3.5), ("#ff7f0e", "9 4", 2.5), ("#d62728", "3 3", 2.5), ("#2ca02c", "12 4 3 4", 2), ("#9467bd", "1 4", 2.5),
    ];

    /// <param name="unit">The y axis's unit, shown beside it ("ms", "bots").</param>
    /// <param name="integers">The values are counts: no fractional ticks.</param>
    public static string Render(string title, string unit, IReadOnlyList<TimeSample> samples, IReadOnlyList<ChartSeries> series,
        double windowStart, double windowEnd, bool integers = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(series.Count, s_styles.Length);
        double dataMax = 0;
        int lastSecond = 1;
        foreach (TimeSample sample in samples)
        {
            lastSecond = Math.Max(lastSecond, sample.T);
            foreach (ChartSeries s in series)
            {
                dataMax = Math.Max(dataMax, Finite(s.Value(sample)));
            }
        }

        AxisScale y = AxisScale.Nice(dataMax, 4, integers);
        AxisScale x = AxisScale.Nice(Math.Max(lastSecond, windowEnd), 10, integers: true);
        var plot = new Plot(x.Max, y.Max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(title)}">""");
        DrawWindow(svg, plot, windowStart, windowEnd);
        DrawAxes(svg, plot, x, y, unit);
        for (int i = 0; i < series.Count; i++)
        {
            DrawSeries(svg, plot, samples, series[i], s_styles[i]);
        }

        DrawLegend(svg, series);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void DrawWindow(StringBuilder svg, Plot plot, double start, double end)
    {
        if (!(end > start))
        {
            return;
        }

        double x0 = plot.X(start);
        double x1 = plot.X(Math.Min(end, plot.MaxX));
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect class="window" x="{x0:0.#}" y="{Top}" width="{x1 - x0:0.#}" height="{Height - Top - Bottom}" fill="#e8f0fb"/>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{(x0 + x1) / 2:0.#}" y="{Top + 14}" font-size="12" fill="#4a6a99" text-anchor="middle">measurement window ({start:0.#}–{end:0.#} s)</text>""");
    }

    private static void DrawAxes(StringBuilder svg, Plot plot, AxisScale x, AxisScale y, string unit)
    {
        foreach (double v in y.Ticks())
        {
            double py = plot.Y(v);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" x2="{Width - Right}" y1="{py:0.#}" y2="{py:0.#}" stroke="{(v == 0 ? "#999" : "#e2e2e2")}"/><text x="{Left - 6}" y="{py + 4:0.#}" font-size="11" text-anchor="end">{y.Label(v)}</text>""");
        }

        foreach (double t in x.Ticks())
        {
            double px = plot.X(t);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{px:0.#}" x2="{px:0.#}" y1="{Height - Bottom}" y2="{Height - Bottom + 4}" stroke="#999"/><text x="{px:0.#}" y="{Height - Bottom + 16}" font-size="11" text-anchor="middle">{x.Label(t)}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"""<line x1="{Left}" x2="{Left}" y1="{Top}" y2="{Height - Bottom}" stroke="#999"/><text x="{(Left + Width - Right) / 2}" y="{Height - 6}" font-size="12" text-anchor="middle">time since start (s)</text>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text transform="translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)" font-size="12" text-anchor="middle">{Escape(unit)}</text>""");
    }

    private static void DrawSeries(StringBuilder svg, Plot plot, IReadOnlyList<TimeSample> samples, ChartSeries series, (string Colour, string Dash, double Width) style)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"""<polyline fill="none" stroke="{style.Colour}" stroke-width="{style.Width}" stroke-linejoin="round" stroke-dasharray="{style.Dash}" points=" """);
        foreach (TimeSample sample in samples)
        {
            svg.Append(CultureInfo.InvariantCulture, $"{plot.X(sample.T):0.#},{plot.Y(Finite(series.Value(sample))):0.#} ");
        }

        svg.Append("\"><title>").Append(Escape(series.Name)).Append("</title></polyline>");
    }

    private static void DrawLegend(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        double x = Left;
        for (int i = 0; i < series.Count; i++)
        {
            (string colour, string dash, double width) = s_styles[i];
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{x:0.#}" x2="{x + 34:0.#}" y1="14" y2="14" stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}"/><text x="{x + 40:0.#}" y="18" font-size="12">{Escape(series[i].Name)}</text>""");
            x += 60 + (7 * series[i].Name.Length);
        }
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private readonly record struct Plot(double MaxX, double MaxY)
    {
        public double X(double t) => Left + ((Width - Left - Right) * t / MaxX);

        public double Y(double v) => Height - Bottom - ((Height - Top - Bottom) * Math.Min(v, MaxY) / MaxY);
    }
}
