using System.Net;
using System.Text;

namespace GameServer.LoadTest.Reporting.Charts;

/// <summary>The report's charts, as HTML with inline SVG: each with a title, its unit, and the run's measurement window.</summary>
public static class ReportCharts
{
    public static string Render(SwarmReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        void Chart(string title, string unit, bool integers, params ChartSeries[] series)
        {
            html.Append("<div class=\"chart\"><h3>").Append(WebUtility.HtmlEncode(title)).Append("</h3>");
            html.Append(SvgChart.Render(title, unit, report.Series, series, report.WindowStartSeconds, report.DurationSeconds, integers));
            html.Append("</div>\n");
        }

        Chart("Connections", "bots", true,
            new("connected", s => s.Connected), new("joined", s => s.Joined), new("failed", s => s.Failed));
        Chart("Round trip, ping to pong", "ms", false,
            new("p50", s => s.RttP50), new("p90", s => s.RttP90), new("p99", s => s.RttP99), new("max", s => s.RttMax));
        Chart("State lag, input to acknowledgement", "ms", false,
            new("p50", s => s.StateLagP50), new("p99", s => s.StateLagP99));
        Chart("Messages", "messages per second", false,
            new("received", s => s.MessagesInPerSecond), new("sent", s => s.MessagesOutPerSecond));
        Chart("Bytes received", "bytes per second", false, new ChartSeries("bytes", s => s.BytesInPerSecond));
        Chart("Deltas per bot", "deltas per second", false, new ChartSeries("deltas", s => s.DeltasPerSecondPerBot));
        Chart("Errors and ticks missed", "count since start", true,
            new("errors", s => s.Errors), new("ticks missed", s => s.TicksMissed));
        return html.ToString();
    }
}
