namespace GameServer.LoadTest.Reporting;

/// <summary>
/// The HTML report: one file, no external script or style, so it opens offline and can be attached to an issue.
/// The summary is drawn by a few lines of script from the JSON embedded in the page; the charts are inline SVG
/// written by <see cref="Charts.ReportCharts"/>, so their axes are computed (and tested) in one place.
/// </summary>
internal static class HtmlTemplate
{
    public const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>GameServer load test</title>
        <style>
        body{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
        .chart{margin:8px 0 24px}.chart h3{margin:0 0 4px}.bad{color:#b00;font-weight:bold}.ok{color:#070;font-weight:bold}
        svg{background:#fcfcfc;border:1px solid #ddd}
        </style></head><body>
        <h1>GameServer load test</h1>
        <div id="summary"></div>
        <div id="charts"><!--CHARTS--></div>
        <script id="report" type="application/json">/*REPORT*/{}</script>
        <script>
        const r = JSON.parse(document.getElementById('report').textContent);
        const el = (tag, html) => { const e = document.createElement(tag); e.innerHTML = html; return e; };
        // Strings from the run (the target's URL, the games and error messages the server sent) are text, never markup.
        const esc = s => String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
        const row = (k, v) => `<tr><td>${k}</td><td>${v}</td></tr>`;
        const ms = l => `p50 ${l.p50} · p90 ${l.p90} · p99 ${l.p99} · max ${l.max} ms (${l.count} samples)`;
        document.getElementById('summary').append(el('div',
          `<p class="${r.passed ? 'ok' : 'bad'}">${r.passed ? 'PASSED' : 'FAILED'}: ${r.joined}/${r.bots} bots joined, ${r.errors.total} errors</p>` +
          '<table>' + row('target', esc(r.url)) + row('started', esc(r.startedAt)) + row('transport / behaviour', esc(r.transport + ' / ' + r.behaviour)) +
          row('welcomes by game', Object.entries(r.welcomesByGame).map(([g, n]) => `${esc(g)}: ${n}`).join(', ') || 'none') +
          row('duration / ramp / window', `${r.durationSeconds} s / ${r.rampSeconds} s / ${r.windowSeconds} s from ${r.windowStartSeconds} s`) +
          row('inputs, pings per bot per second', `${r.inputsPerSecondPerBot}, ${r.pingsPerSecondPerBot}`) +
          row('tick rate', r.tickRate) + row('deltas per second per bot', `mean ${r.deltasPerSecondPerBot.mean}, min ${r.deltasPerSecondPerBot.min}`) +
          row('bytes per bot per second (in / out)', `${r.bytesPerBotPerSecond} / ${r.bytesSentPerBotPerSecond}`) + row('bytes per delta', r.bytesPerDelta) +
          row('RTT (ping to pong)', ms(r.rttMs)) + row('state lag (input to ack)', ms(r.stateLagMs)) + row('ticks missed', r.ticksMissed) +
          row('matches', `${r.matches.matches} (players ${r.matches.minPlayers}..${r.matches.maxPlayers}${r.matches.expected ? ', expected ' + r.matches.expected : ''})`) +
          row('errors by kind', Object.entries(r.errors.byKind).map(([k, v]) => `${esc(k)}: ${v} (${esc(r.errors.firstMessages[k])})`).join('<br>') || 'none') +
          '</table>'));
        </script></body></html>
        """;
}
