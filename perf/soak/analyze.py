#!/usr/bin/env python3
"""Judges a perf/soak.sh run from its samples (sample.py's JSON lines) and the swarm's report; prints Markdown.

    analyze.py SAMPLES SWARM_JSON MODE GRACE_S INTERVAL_S RAMP_S SWARM_RC
Exit 0 when: memory has no upward trend over the steady window (the fitted growth of the managed heap after a full
GC, or after any GC when no sample follows a full one, is under 10% of its mean or 4 MiB, whichever is larger), every count is back at its baseline after the drain, the swarm
passed, and (chaos) no player stayed disconnected longer than the grace period plus two sampling intervals.
"""
import json
import sys

MIB = 1024 * 1024


def slope_per_minute(points):
    """Least-squares slope of (t seconds, value) in value per minute."""
    n = len(points)
    if n < 3:
        return 0.0
    mt = sum(t for t, _ in points) / n
    mv = sum(v for _, v in points) / n
    var = sum((t - mt) ** 2 for t, _ in points)
    return 0.0 if var == 0 else 60 * sum((t - mt) * (v - mv) for t, v in points) / var


def orphans(samples, limit):
    """Players seen disconnected in consecutive samples for longer than limit seconds."""
    since, found = {}, {}
    for s in samples:
        now = set(s.get('disconnected', []))
        for key in list(since):
            if key not in now:
                del since[key]
        for key in now:
            since.setdefault(key, s['t'])
            if s['t'] - since[key] > limit:
                found[key] = round(s['t'] - since[key], 1)
    return found


def main():
    path, report_path, mode, grace, interval, ramp, swarm_rc = sys.argv[1:8]
    grace, interval, ramp, swarm_rc = float(grace), float(interval), float(ramp), int(swarm_rc)
    samples = [json.loads(line) for line in open(path) if line.strip()]
    errors = [s for s in samples if 'error' in s]
    samples = [s for s in samples if 'error' not in s]
    base = [s for s in samples if s['phase'] == 'baseline']
    run = [s for s in samples if s['phase'] == 'run']
    after = [s for s in samples if s['phase'] == 'after']
    report = json.load(open(report_path))
    t0 = run[0]['t'] if run else 0
    # The steady window: from 30 s after the ramp (less in a short run), once the bots have settled, to the end.
    settle = min(30.0, (report['durationSeconds'] - ramp) / 3)
    steady = [s for s in run if s['t'] - t0 >= ramp + settle]
    steady = steady if len(steady) >= 3 else run
    minutes = (steady[-1]['t'] - steady[0]['t']) / 60 if len(steady) > 1 else 0
    # The server may run only a few GCs in a whole soak: the heap after the last one is stale, after a full one is not.
    full = [s for s in steady if s.get('fullGc')]
    heap_basis = full if len(full) >= 3 else steady
    heap_minutes = (heap_basis[-1]['t'] - heap_basis[0]['t']) / 60 if len(heap_basis) > 1 else 0
    heap_slope = slope_per_minute([(s['t'], s['heap']) for s in heap_basis])
    rss_slope = slope_per_minute([(s['t'], s['rss']) for s in steady])
    heap_mean = sum(s['heap'] for s in heap_basis) / max(1, len(heap_basis))
    growth = heap_slope * heap_minutes
    heap_ok = growth <= max(0.10 * heap_mean, 4 * MIB)
    rss_mean = sum(s['rss'] for s in steady) / max(1, len(steady))
    rss_ok = rss_slope * minutes <= max(0.10 * rss_mean, 16 * MIB)

    b, a = base[-1], after[-1] if after else {}
    counts = ['connections', 'kestrelConnections', 'matches', 'players', 'spectators', 'poolQueue', 'kestrelQueued']
    back = {k: a.get(k) == b.get(k) or (a.get(k, 1) <= b.get(k, 0)) for k in counts}
    # The thread-pool queue is a gauge read while the scrape itself is being served: a work item or two is that scrape.
    back['poolQueue'] = a.get('poolQueue', 99) <= b.get('poolQueue', 0) + 2
    # Threads are a count too, but the pool keeps some while it judges its load: a few above the baseline is allowed.
    threads_ok = a.get('threads', 1e9) <= b['threads'] + 8
    found = orphans(run + [s for s in samples if s['phase'] in ('drain', 'after')], grace + 2 * interval)
    churn = report.get('churn', {})
    ok = heap_ok and rss_ok and all(back.values()) and threads_ok and swarm_rc == 0 and not found

    print(f"### {mode}: {report['bots']} bots, {report['durationSeconds']:.0f} s (ramp {ramp:.0f} s), "
          f"{'PASSED' if ok else 'FAILED'}\n")
    print(f"Swarm: exit {swarm_rc}, {report['joined']}/{report['bots']} joined, {report['errors']['total']} errors "
          f"{report['errors'].get('byKind', {})}, RTT p99 {report['rttMs'].get('p99')} ms, "
          f"deltas/s/bot {report['deltasPerSecondPerBot']['mean']} (min {report['deltasPerSecondPerBot']['min']}).\n")
    if churn.get('perMinute', 0) > 0:
        print(f"Churn {churn['perMinute']}/min: {churn['drops']} drops, {churn['reconnects']} reconnects, "
              f"{churn['resumes']} resumed as the same player, {churn['resumesRejected']} rejected; shortest interval "
              f"between two connects of a bot {churn['minReconnectIntervalMs']} ms, {churn['reconnectsUnderOneSecond']} "
              f"under 1 s. Players disconnected longer than {grace + 2 * interval:.0f} s (orphans): {len(found)} {found or ''}\n")
    print(f"Steady window: {minutes:.1f} min, {len(steady)} samples.\n")
    print("| | trend per minute | over the window | mean | verdict |")
    print("| --- | --- | --- | --- | --- |")
    heap_label = f"managed heap after a full GC ({len(full)} samples)" if heap_basis is full else "managed heap after the last GC"
    print(f"| {heap_label} | {heap_slope / MIB:+.2f} MiB | {growth / MIB:+.1f} MiB | {heap_mean / MIB:.1f} MiB | "
          f"{'flat' if heap_ok else 'GROWING'} |")
    print(f"| RSS | {rss_slope / MIB:+.2f} MiB | {rss_slope * minutes / MIB:+.1f} MiB | {rss_mean / MIB:.1f} MiB | "
          f"{'flat' if rss_ok else 'GROWING'} |")
    peak = max(run, key=lambda s: s['connections']) if run else {}
    print("\n| count | baseline | peak | after the bots left | back |")
    print("| --- | --- | --- | --- | --- |")
    for k in counts + ['threads', 'poolThreads', 'timers']:
        top = max((s.get(k, 0) for s in run), default=0)
        verdict = back.get(k, threads_ok if k == 'threads' else None)
        mark = '' if verdict is None else ('yes' if verdict else 'NO')
        print(f"| {k} | {b.get(k, 0):g} | {top:g} | {a.get(k, 0):g} | {mark} |")
    full_gc = ' (both after a full GC)' if a.get('fullGc') and b.get('fullGc') else ''
    print(f"\nHeap after the drain {a.get('heap', 0) / MIB:.1f} MiB (baseline {b['heap'] / MIB:.1f} MiB){full_gc}, "
          f"RSS {a.get('rss', 0) / MIB:.0f} MiB (baseline {b['rss'] / MIB:.0f} MiB, peak {max((s['rss'] for s in run), default=0) / MIB:.0f} MiB); "
          f"closes by reason {a.get('closes', {})}; deltas dropped {a.get('deltasDropped', 0):g}; "
          f"other gauges after {a.get('gauges', {})}; peak connections {peak.get('connections', 0):g}.")
    if errors:
        print(f"\n{len(errors)} samples failed: {errors[0]['error']}")
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
