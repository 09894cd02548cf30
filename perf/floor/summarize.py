"""Turns run-load.sh's per-point files into the Markdown table appended to perf/RESULTS.md."""
import datetime
import json
import os
import platform
import subprocess
import sys

out, capacities, points, tick_rate, duration, ramp, nice = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]


def point(name, bots):
    try:
        report = json.load(open(os.path.join(out, name + ".json")))
        c0, c1, s0, s1, t0, t1, idle, rss, rc, load, clk = open(os.path.join(out, name + ".metrics")).read().split()
    except (OSError, ValueError):
        return None
    seconds = float(t1) - float(t0)
    clk = float(clk)
    return {
        "cpu": (float(c1) - float(c0)) / clk * 1e6 / (seconds * bots),
        "core": (float(c1) - float(c0)) / clk / seconds * 100,
        "swarm": (float(s1) - float(s0)) / clk / seconds * 100,
        "mem": (float(rss) - float(idle)) / bots,
        "idle": float(idle) / 1024,
        "report": report,
        "load": load,
    }


model = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name")), "?")
print()
print(f"### Run of {datetime.date.today()} ({datetime.datetime.now():%H:%M})")
print()
print(f"Machine: {model}, {os.cpu_count()} cores, {platform.platform()}. Target (server or floor) pinned to core 0, swarm to core 1; "
      f"{duration} s per point with a {ramp} s ramp, {tick_rate} Hz, 20 inputs and 1 ping per bot per second; CPU and RSS sampled "
      f"from 3 s after the ramp to 1 s before the end; both at nice {nice}. Other engineers' builds may share these 2 cores (load average at each point's start given).")
print()
print("| match | bots | target | CPU µs/bot·s | × floor | target core % | mem KiB/bot | deltas/s/bot mean (min) | RTT p50 / p99 ms | state lag p99 ms | B/bot/s | bytes/delta | ticks missed | errors | swarm core % | load |")
print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for capacity in capacities:
    for bots in points:
        n = int(bots)
        server = point(f"server-m{capacity}-n{bots}", n)
        floor = point(f"floor-m{capacity}-n{bots}", n)
        for label, p in (("server", server), ("floor", floor)):
            if p is None:
                print(f"| {capacity} | {bots} | {label} | (no result) |||||||||||||")
                continue
            r = p["report"]
            ratio = f"{p['cpu'] / floor['cpu']:.2f}" if floor and floor["cpu"] > 0 else "-"
            lag = f"{r['stateLagMs']['p99']:.1f}" if r["stateLagMs"]["count"] else "-"
            errors = r["errors"]["total"] + (r["bots"] - r["joined"])
            print(f"| {capacity} | {bots} | {label} | {p['cpu']:.0f} | {ratio if label == 'server' else '1.00'} | {p['core']:.0f} | {p['mem']:.1f} | "
                  f"{r['deltasPerSecondPerBot']['mean']:.2f} ({r['deltasPerSecondPerBot']['min']:.2f}) | {r['rttMs']['p50']:.2f} / {r['rttMs']['p99']:.2f} | "
                  f"{lag} | {r['bytesPerBotPerSecond']:.0f} | {r['bytesPerDelta']:.0f} | {r['ticksMissed']} | {errors} | {p['swarm']:.0f} | {p['load']} |")
