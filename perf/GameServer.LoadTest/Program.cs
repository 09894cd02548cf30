using System.Globalization;
using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;

// As in the server (src/GameServer/Transport/SocketEngine.cs): a bot's receive is short and never blocks, so it runs
// on the socket engine's thread instead of costing a thread-pool hop per message. Before any socket is used.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

SwarmOptions options;
try
{
    options = SwarmOptionsParser.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(SwarmOptionsParser.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var swarm = new Swarm(options);
Task<SwarmReport> running = swarm.RunAsync(cancel.Token);
if (!Console.IsOutputRedirected)
{
    await LiveView.ShowAsync(swarm, options, running);
}

SwarmReport report;
try
{
    report = await running;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.ReportPath is not null)
{
    await ReportWriter.WriteJsonAsync(report, options.ReportPath);
}

string? html = options.HtmlPath ?? (options.ReportPath is null ? null : Path.ChangeExtension(options.ReportPath, ".html"));
if (html is not null)
{
    await ReportWriter.WriteHtmlAsync(report, html);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(report.Passed ? "PASSED" : "FAILED")}: {report.Joined}/{report.Bots} joined, {report.Errors.Total} errors, " +
    $"deltas/s/bot mean {report.DeltasPerSecondPerBot.Mean} min {report.DeltasPerSecondPerBot.Min} (tick rate {report.TickRate}), " +
    $"RTT p50 {report.RttMs.P50} p99 {report.RttMs.P99} ms, state lag p99 {report.StateLagMs.P99} ms, " +
    $"{report.BytesPerBotPerSecond} B/bot/s, {report.TicksMissed} ticks missed, {report.Rejoins} rejoins after a match ended"));
if (report.SeatsByNode.Count > 0)
{
    Console.WriteLine("  seats by node: " + string.Join(", ", report.SeatsByNode.Select(node => $"{node.Key} {node.Value}")));
}

if (options.Churn > 0)
{
    ChurnSummary churn = report.Churn;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  churn {churn.PerMinute}/min: {churn.Drops} drops, {churn.Reconnects} reconnects, {churn.Resumes} resumed, " +
        $"{churn.ResumesRejected} rejected, shortest reconnect interval {churn.MinReconnectIntervalMs} ms ({churn.ReconnectsUnderOneSecond} under 1 s)"));
}

foreach ((string kind, long count) in report.Errors.ByKind)
{
    Console.WriteLine($"  {kind}: {count} (first: {report.Errors.FirstMessages[kind]})");
}

if (html is not null)
{
    Console.WriteLine($"Report: {html}");
}

return report.Passed ? 0 : 1;
