using System.Globalization;
using GameServer.LoadTest.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GameServer.LoadTest;

/// <summary>The terminal's live progress: one table redrawn twice a second while the swarm runs.</summary>
internal static class LiveView
{
    public static Task ShowAsync(Swarm swarm, SwarmOptions options, Task running) =>
        AnsiConsole.Live(Render(null, options)).AutoClear(false).StartAsync(async context =>
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(500)).ConfigureAwait(false);
                context.UpdateTarget(Render(swarm.Latest, options));
            }
        });

    private static IRenderable Render(TimeSample? sample, SwarmOptions options)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{options.Bots} bots → {Markup.Escape(options.Url.ToString())}[/]");
        table.AddColumn("elapsed");
        table.AddColumn("connected");
        table.AddColumn("joined");
        table.AddColumn("msgs in/s");
        table.AddColumn("msgs out/s");
        table.AddColumn("deltas/s/bot");
        table.AddColumn("RTT p50 / p99 ms");
        table.AddColumn("lag p99 ms");
        table.AddColumn("errors");
        if (sample is null)
        {
            table.AddRow("0 s", "0", "0", "-", "-", "-", "-", "-", "0");
            return table;
        }

        string errors = sample.Errors == 0 ? "[green]0[/]" : $"[red]{sample.Errors}[/]";
        table.AddRow(
            $"{sample.T} / {options.WholeSeconds} s",
            sample.Connected.ToString(CultureInfo.InvariantCulture),
            sample.Joined.ToString(CultureInfo.InvariantCulture),
            sample.MessagesInPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            sample.MessagesOutPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            sample.DeltasPerSecondPerBot.ToString("F1", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{sample.RttP50:F2} / {sample.RttP99:F2}"),
            sample.StateLagP99.ToString("F1", CultureInfo.InvariantCulture),
            errors);
        return table;
    }
}
