namespace GameServer.LoadTest.Reporting;

/// <summary>
/// The HTML report: one file, no external script or style, so it opens offline and can be attached to an issue.
/// The charts are inline SVG drawn by a few lines of script from the JSON embedded in the page.
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
        .chart{margin:8px 0 24px}.legend span{margin-right:14px}.bad{color:#b00;font-weight:bold}.ok{color:#070;font-weight:bold}
        svg{background:#fcfcfc;border:1px solid #ddd}
        </style></head><body>
        <h1>GameServer load test</h1>
        <div id="summary"></div>
        <div id="charts"></div>
        <script id="report" type="application/json">/*REPORT*/{}</script>
        <script>
        const r = JSON.parse(document.getElementById('report').textContent);
        const el = (tag, html) => { const e = document.createElement(tag); e.innerHTML = html; return e; };
        const row = (k, v) => `<tr><td>${k}</td><td>${v}</td></tr>`;
        const ms = l => `p50 ${l.p50} · p90 ${l.p90} · p99 ${l.p99} · max ${l.max} ms (${l.count} samples)`;
        document.getElementById('summary').append(el('div',
          `<p class="${r.passed ? 'ok' : 'bad'}">${r.passed ? 'PASSED' : 'FAILED'}: ${r.joined}/${r.bots} bots joined, ${r.errors.total} errors</p>` +
          '<table>' + row('target', r.url) + row('started', r.startedAt) + row('transport / behaviour', r.transport + ' / ' + r.behaviour) +
          row('duration / ramp / window', `${r.durationSeconds} s / ${r.rampSeconds} s / ${r.windowSeconds} s from ${r.windowStartSeconds} s`) +
          row('inputs, pings per bot per second', `${r.inputsPerSecondPerBot}, ${r.pingsPerSecondPerBot}`) +
          row('tick rate', r.tickRate) + row('deltas per second per bot', `mean ${r.deltasPerSecondPerBot.mean}, min ${r.deltasPerSecondPerBot.min}`) +
          row('bytes per bot per second (in / out)', `${r.bytesPerBotPerSecond} / ${r.bytesSentPerBotPerSecond}`) + row('bytes per delta', r.bytesPerDelta) +
          row('RTT (ping to pong)', ms(r.rttMs)) + row('state lag (input to ack)', ms(r.stateLagMs)) + row('ticks missed', r.ticksMissed) +
          row('matches', `${r.matches.matches} (players ${r.matches.minPlayers}..${r.matches.maxPlayers}${r.matches.expected ? ', expected ' + r.matches.expected : ''})`) +
          row('errors by kind', Object.entries(r.errors.byKind).map(([k, v]) => `${k}: ${v} (${r.errors.firstMessages[k]})`).join('<br>') || 'none') +
          '</table>'));
        const colors = ['#1f77b4', '#ff7f0e', '#d62728', '#2ca02c', '#9467bd'];
        function chart(title, unit, series) {
          const W = 1000, H = 220, L = 60, B = 24, s = r.series;
          const maxT = Math.max(1, ...s.map(p => p.t));
          const maxY = Math.max(1e-9, ...series.flatMap(([, f]) => s.map(f))) * 1.1;
          const x = t => L + (W - L - 10) * t / maxT, y = v => H - B - (H - B - 10) * v / maxY;
          let svg = `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`;
          for (let i = 0; i <= 4; i++) {
            const v = maxY * i / 4;
            svg += `<line x1="${L}" x2="${W - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${L - 4}" y="${y(v) + 4}" font-size="11" text-anchor="end">${+v.toPrecision(3)}</text>`;
          }
          for (let t = 0; t <= maxT; t += Math.max(1, Math.ceil(maxT / 10))) {
            svg += `<text x="${x(t)}" y="${H - 6}" font-size="11" text-anchor="middle">${t}s</text>`;
          }
          svg += `<line x1="${x(r.windowStartSeconds)}" x2="${x(r.windowStartSeconds)}" y1="10" y2="${H - B}" stroke="#aaa" stroke-dasharray="4"/>`;
          series.forEach(([, f], i) => {
            svg += `<polyline fill="none" stroke-width="2" stroke="${colors[i]}" points="${s.map(p => x(p.t) + ',' + y(f(p))).join(' ')}"/>`;
          });
          const legend = series.map(([n], i) => `<span style="color:${colors[i]}">■ ${n}</span>`).join('');
          document.getElementById('charts').append(el('div', `<h3>${title} (${unit})</h3><div class="legend">${legend}</div>${svg}</svg>`));
        }
        chart('Connections', 'bots', [['connected', p => p.connected], ['joined', p => p.joined], ['failed', p => p.failed]]);
        chart('Round trip, ping to pong', 'ms', [['p50', p => p.rttP50], ['p90', p => p.rttP90], ['p99', p => p.rttP99], ['max', p => p.rttMax]]);
        chart('State lag, input to acknowledgement', 'ms', [['p50', p => p.stateLagP50], ['p99', p => p.stateLagP99]]);
        chart('Messages', 'per second', [['received', p => p.messagesInPerSecond], ['sent', p => p.messagesOutPerSecond]]);
        chart('Bytes received', 'per second', [['bytes', p => p.bytesInPerSecond]]);
        chart('Deltas per bot', 'per second', [['deltas', p => p.deltasPerSecondPerBot]]);
        chart('Errors and ticks missed', 'cumulative', [['errors', p => p.errors], ['ticks missed', p => p.ticksMissed]]);
        </script></body></html>
        """;
}
