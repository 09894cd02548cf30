"""Turns run-load.sh's per-point files into the Markdown table appended to perf/RESULTS.md."""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

out, capacities, points, tick_rate, duration, ramp, nice = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
targets = sys.argv[8].split() if len(sys.argv) > 8 else ["server", "floor"]
peer_decode = sys.argv[9] if len(sys.argv) > 9 else "none"
idle_window = sys.argv[10] if len(sys.argv) > 10 else "10"
repeats = int(sys.argv[11]) if len(sys.argv) > 11 else 1
LABELS = {"server": "server", "peer": "peer: Colyseus 0.18", "floor": "floor"}


def point(name, bots):
    try:
        report = json.load(open(os.path.join(out, name + ".json"))) if bots else None
        fields = open(os.path.join(out, name + ".metrics")).read().split()
        c0, c1, s0, s1, t0, t1, idle, rss, rc, load, clk = fields[:11]
    except (OSError, ValueError):
        return None
    # The server's skipped ticks over the window (runs before they were recorded, and other targets, have none).
    skipped = int(fields[12]) - int(fields[11]) if len(fields) > 12 and fields[11] != "-" else 0
    seconds = float(t1) - float(t0)
    clk = float(clk)
    return {
        "cpu": (float(c1) - float(c0)) / clk * 1e6 / (seconds * bots) if bots else 0,
        "core": (float(c1) - float(c0)) / clk / seconds * 100,
        # A load client that exited before the window's end (an overloaded machine's late sleep) reads 0: no figure.
        "swarm": (float(s1) - float(s0)) / clk / seconds * 100 if float(s1) >= float(s0) else None,
        "mem": (float(rss) - float(idle)) / bots if bots else 0,
        "rss": float(rss) / 1024,
        "idle": float(idle) / 1024,
        "report": report,
        "load": load,
        "skipped": skipped,
    }


def cell(value, fmt):
    return "-" if value is None else format(value, fmt)


def cores(cpus):
    return f"core {cpus}" if cpus.isdigit() else f"cores {cpus}"


model = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name")), "?")
print()
print(f"### Run of {datetime.date.today()} ({datetime.datetime.now():%H:%M})")
print()
print(f"Machine: {model}, {os.cpu_count()} cores, {platform.platform()}. Targets ({', '.join(LABELS.get(t, t) for t in targets)}) pinned to {cores(os.environ.get('TARGET_CPUS', '0'))}, "
      f"each one's load client to {cores(os.environ.get('LOAD_CPUS', '1'))} (our swarm for the server and the floor; for the peer, @colyseus/sdk clients in one Node process, "
      f"patches {'decoded' if peer_decode == 'full' else 'counted undecoded'}); "
      f"{duration} s per point with a {ramp} s ramp, {tick_rate} Hz, 20 inputs and 1 ping per bot per second; CPU and RSS sampled "
      f"from 3 s after the ramp to 1 s before the end; all at nice {nice}. The idle point (0 bots) samples each target alone for {idle_window} s, once it has settled (IDLE_SETTLE, 10 s by default): "
      f"its CPU % of a core and its RSS. Other engineers' builds may share these 2 cores (load average at each point's start given)."
      + (f" Each point ran {repeats} times, the targets taking turns; the bold rows are each target's median CPU and the ratio of the medians." if repeats > 1 else ""))
print()
print("| match | bots | target | CPU µs/bot·s | × floor | target core % | mem KiB/bot | deltas/s/bot mean (min) | RTT p50 / p99 ms | state lag p99 ms | B/bot/s | bytes/delta | ticks missed | errors | swarm core % | load |")
print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


def run_name(target, capacity, bots, run):
    """The files of one run of a point: the first keeps the plain name, so tables of single runs read as before."""
    return f"{target}-m{capacity}-n{bots}" + (f"-r{run}" if run > 1 else "")


def label(target, run):
    name = LABELS.get(target, target)
    return f"{name} (run {run})" if repeats > 1 else name


def loaded_row(capacity, bots, target, run, p, floor):
    r = p["report"]
    ratio = "1.00" if target == "floor" else f"{p['cpu'] / floor['cpu']:.2f}" if floor and floor["cpu"] > 0 else "-"
    lag = f"{r['stateLagMs']['p99']:.1f}" if r["stateLagMs"]["count"] else "-"
    # Ticks missed: those the bots saw jumped over, and those the server skipped outright (the bots cannot see them).
    missed = None if r.get("ticksMissed") is None else r["ticksMissed"] + p["skipped"]
    # A bot refused at the door is both an error and a bot that never joined: counted once.
    errors = max(r["errors"]["total"], r["bots"] - r["joined"])
    print(f"| {capacity} | {bots} | {label(target, run)} | {p['cpu']:.0f} | {ratio} | {p['core']:.0f} | {p['mem']:.1f} | "
          f"{r['deltasPerSecondPerBot']['mean']:.2f} ({r['deltasPerSecondPerBot']['min']:.2f}) | {r['rttMs']['p50']:.2f} / {r['rttMs']['p99']:.2f} | "
          f"{lag} | {r['bytesPerBotPerSecond']:.0f} | {r['bytesPerDelta']:.0f} | {cell(missed, 'd')} | {errors} | {cell(p['swarm'], '.0f')} | {p['load']} |")


def median_rows(capacity, bots, runs):
    """Per target, the median of its runs' CPU and the ratio of the medians; the other columns are in the runs' rows."""
    medians = {t: statistics.median(p["cpu"] for p in ps) for t, ps in runs.items() if ps}
    floor = medians.get("floor")
    for target, ps in runs.items():
        if not ps:
            continue
        cpu = medians[target]
        ratio = f"{cpu / floor:.2f}" if floor else "-"
        core = statistics.median(p["core"] for p in ps)
        mem = statistics.median(p["mem"] for p in ps)
        print(f"| {capacity} | {bots} | **{LABELS.get(target, target)}: median of {len(ps)}** | **{cpu:.0f}** | **{ratio}** | {core:.0f} | {mem:.1f} "
              f"| - | - | - | - | - | - | - | - | - |")


for capacity in capacities:
    for bots in points:
        n = int(bots)
        if n == 0:
            if capacity != capacities[0]:
                continue
            for run in range(1, repeats + 1):
                for target in targets:
                    p = point(run_name(target, capacity, 0, run), 0)
                    if p is None:
                        print(f"| - | 0 (idle) | {label(target, run)} | (no result) |||||||||||||")
                        continue
                    print(f"| - | 0 (idle) | {label(target, run)} | - | - | {p['core']:.1f} | RSS {p['rss']:.1f} MiB | - | - | - | - | - | - | - | - | {p['load']} |")
            continue
        runs = {target: [] for target in targets}
        for run in range(1, repeats + 1):
            results = {target: point(run_name(target, capacity, bots, run), n) for target in targets}
            for target in targets:
                p = results[target]
                if p is None:
                    print(f"| {capacity} | {bots} | {label(target, run)} | (no result) |||||||||||||")
                    continue
                runs[target].append(p)
                loaded_row(capacity, bots, target, run, p, results.get("floor"))
        if repeats > 1:
            median_rows(capacity, bots, runs)
