#!/usr/bin/env bash
# Two GameServer nodes over one Redis on this machine, loaded by the bot swarm, and what it cost Redis: the figures of
# issue 14 item 8. Everything listens on 127.0.0.1 ports picked free at start; every process it starts is stopped by
# its own PID; the run is bounded by about IDLE + DURATION + 40 s (plus the Release build).
#
#   perf/cluster.sh                                   # 200 bots placed across both nodes, 60 s
#   BOTS=400 DURATION=90 RAMP=15 perf/cluster.sh
#   RESULTS=perf/RESULTS.md perf/cluster.sh           # also appends the markdown block there
#   DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 perf/cluster.sh   # the environment reaches the nodes (see
#                                                     # perf/RESULTS.md, "Several nodes", for why this one mattered)
#
# What it does:
#   1. starts Debian's redis-server (no persistence, its own dir under OUT) and two nodes (Release build, like
#      perf/run-load.sh) with Redis__Configuration set and distinct ports;
#   2. follows both nodes' /events with curl -N into files for the whole run;
#   3. IDLE s with no players: Redis commands per second of two idle nodes (registrations, prunes, feed follows);
#   4. one swarm with --matchmake on both nodes (bot i asks node i mod 2 for a seat with POST /matchmaking, and
#      plays on the node the seat names), sampling GET /matches on node A mid-run (matches of both nodes listed);
#   5. Redis INFO commandstats over the loaded window, split by command, per second and per feed event (XADD calls);
#      XLEN, XINFO STREAM and MEMORY USAGE of the feed stream; INFO memory; and, exactly, the bytes that 10,000
#      entries copied from the run's own stream take in a scratch stream (deleted after);
#   6. reports the seats placed on each node (the swarm's seatsByNode), checks that both feeds carried the same ids,
#      and writes OUT/cluster.md.
set -euo pipefail

cd "$(dirname "$0")/.."
BOTS=${BOTS:-200}
DURATION=${DURATION:-60}
RAMP=${RAMP:-10}
IDLE=${IDLE:-10}
CAPACITY=${CAPACITY:-16}
SCRATCH_EVENTS=${SCRATCH_EVENTS:-10000}
RESULTS=${RESULTS:-}
OUT=${OUT:-${TMPDIR:-/tmp}/gameserver-cluster-$(date +%Y%m%d-%H%M%S)}
REDIS_SERVER=${REDIS_SERVER:-/usr/bin/redis-server}
REDIS_CLI=${REDIS_CLI:-/usr/bin/redis-cli}
mkdir -p "$OUT/redis"

for tool in "$REDIS_SERVER" "$REDIS_CLI"; do
    [[ -x $tool ]] || { echo "$tool is missing: apt-get install redis-server (Debian's 7.0 is what was measured)." >&2; exit 1; }
done

echo "Building (Release) into $OUT ..."
dotnet build -c Release -v q -nologo src/GameServer/GameServer.csproj >"$OUT/build.log"
dotnet build -c Release -v q -nologo perf/GameServer.LoadTest/GameServer.LoadTest.csproj >>"$OUT/build.log"
SERVER_DLL=src/GameServer/bin/Release/net10.0/GameServer.dll
SWARM_DLL=perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll

pids=()
# Last started, first stopped, each waited for: the nodes stop (and write their last events) while Redis still runs.
cleanup() {
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null && wait "${pids[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT

# Three free loopback ports, asked of the kernel (bound to port 0, then released).
read -r REDIS_PORT PORT_A PORT_B < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()')

wait_for_port() {
    for _ in $(seq 1 150); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "Nothing listens on port $1" >&2
    return 1
}

rcli() { "$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

"$REDIS_SERVER" --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$OUT/redis" \
    >"$OUT/redis.log" 2>&1 &
pids+=($!)
wait_for_port "$REDIS_PORT"

start_node() {
    local name=$1 port=$2
    Redis__Configuration="127.0.0.1:$REDIS_PORT" ASPNETCORE_URLS="http://127.0.0.1:$port" \
        dotnet "$SERVER_DLL" --Matchmaking:Capacity "$CAPACITY" --Matchmaking:MinPlayersToStart 1 \
        --Logging:LogLevel:Default Warning --Limits:MaxConnectionsPerIp 100000 >"$OUT/node-$name.log" 2>&1 &
    pids+=($!)
}
start_node a "$PORT_A"
start_node b "$PORT_B"
wait_for_port "$PORT_A"
wait_for_port "$PORT_B"
curl -fsS "http://127.0.0.1:$PORT_A/health" >/dev/null
curl -fsS "http://127.0.0.1:$PORT_B/health" >/dev/null
echo "Redis on $REDIS_PORT, node A on $PORT_A, node B on $PORT_B; output in $OUT"

# Both feeds for the whole run; curl stops by itself at --max-time at the latest.
for node in a b; do
    port=PORT_${node^^}
    curl -sN --max-time $((IDLE + DURATION + 30)) "http://127.0.0.1:${!port}/events" >"$OUT/events-$node.txt" &
    pids+=($!)
done

rcli CONFIG RESETSTAT >/dev/null
t0=$(date +%s.%N)
sleep "$IDLE"
rcli INFO commandstats >"$OUT/idle.commandstats"
t1=$(date +%s.%N)
echo "$t0 $t1" >"$OUT/idle.window"

rcli CONFIG RESETSTAT >/dev/null
t0=$(date +%s.%N)
dotnet "$SWARM_DLL" --url "ws://127.0.0.1:$PORT_A/ws" --matchmake "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
    --bots "$BOTS" --duration "$DURATION" --ramp "$RAMP" --match-size "$CAPACITY" --report "$OUT/swarm.json" \
    >"$OUT/swarm.log" 2>&1 &
swarm=$!
pids+=($swarm)
sleep $((RAMP + (DURATION - RAMP) / 2))
curl -fsS "http://127.0.0.1:$PORT_A/matches" >"$OUT/matches-a.json"
curl -fsS "http://127.0.0.1:$PORT_B/matches" >"$OUT/matches-b.json"
swarm_rc=0
wait "$swarm" || swarm_rc=$?
rcli INFO commandstats >"$OUT/load.commandstats"
rcli INFO stats >"$OUT/load.stats"
t1=$(date +%s.%N)
echo "$t0 $t1" >"$OUT/load.window"
rcli INFO memory >"$OUT/memory.txt"
rcli XINFO STREAM gameserver:feed >"$OUT/xinfo.txt"
# A second for the followers to read the last entries before the feeds are cut.
sleep 1
for pid in "${pids[@]:3:2}"; do
    kill "$pid" 2>/dev/null || true
done

python3 - "$OUT" "$REDIS_PORT" "$SCRATCH_EVENTS" "$BOTS" "$DURATION" "$IDLE" "$swarm_rc" "$PORT_A" "$PORT_B" <<'PY' >"$OUT/cluster.md"
import json, re, socket, sys

out, redis_port, scratch_events, bots, duration, idle, swarm_rc, port_a, port_b = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:])

class Resp:
    """Just enough RESP2 to copy stream entries byte for byte."""
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = self.sock.makefile("rb")
    def send(self, *args):
        parts = [b"*%d\r\n" % len(args)]
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.sock.sendall(b"".join(parts))
    def read(self):
        line = self.buf.readline()[:-2]
        kind, rest = line[:1], line[1:]
        if kind in (b"+", b":"):
            return int(rest) if kind == b":" else rest
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.buf.read(n + 2)[:-2]
        n = int(rest)
        return None if n < 0 else [self.read() for _ in range(n)]
    def call(self, *args):
        self.send(*args)
        return self.read()

def window(name):
    a, b = open(f"{out}/{name}.window").read().split()
    return float(b) - float(a)

def commandstats(name):
    stats = {}
    for line in open(f"{out}/{name}.commandstats"):
        m = re.match(r"cmdstat_([^:]+):calls=(\d+),usec=(\d+)", line)
        if m:
            stats[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return stats

def info(name):
    return dict(l.strip().split(":", 1) for l in open(f"{out}/{name}") if ":" in l and not l.startswith("#"))

def feed_ids(node):
    ids, names = [], {}
    for line in open(f"{out}/events-{node}.txt", errors="replace"):
        if line.startswith("id: "):
            ids.append(int(line[4:]))
        elif line.startswith("event: "):
            names[line[7:].strip()] = names.get(line[7:].strip(), 0) + 1
    return ids, names

r = Resp(redis_port)
xlen = r.call("XLEN", "gameserver:feed")
stream_bytes = r.call("MEMORY", "USAGE", "gameserver:feed", "SAMPLES", "0") or 0
entries = r.call("XREVRANGE", "gameserver:feed", "+", "-", "COUNT", scratch_events) or []
scratch = "gameserver:cluster-sh-scratch"
r.call("DEL", scratch)
for i in range(scratch_events):
    fields = entries[i % len(entries)][1]
    r.send("XADD", scratch, "*", *fields)
for i in range(scratch_events):
    r.read()
scratch_bytes = r.call("MEMORY", "USAGE", scratch, "SAMPLES", "0")
payload = sum(len(entries[i % len(entries)][1][5]) for i in range(scratch_events))
r.call("DEL", scratch)

load, idle_stats = commandstats("load"), commandstats("idle")
secs, idle_secs = window("load"), window("idle")
events = load.get("xadd", (0, 0))[0]
stats, mem = info("load.stats"), info("memory.txt")
swarm = json.load(open(f"{out}/swarm.json"))
# seatsByNode is keyed by the seat's WebSocket URL; each node advertises the URL it listens on.
seats = {node: swarm.get("seatsByNode", {}).get(f"ws://127.0.0.1:{port}/ws", 0) for node, port in (("a", port_a), ("b", port_b))}
matches_a = json.load(open(f"{out}/matches-a.json"))
by_node = {}
for m in matches_a:
    by_node[m.get("node")] = by_node.get(m.get("node"), 0) + 1
ids_a, names_a = feed_ids("a")
ids_b, names_b = feed_ids("b")
last = min(max(ids_a, default=0), max(ids_b, default=0))
seen_a, seen_b = {i for i in ids_a if i <= last}, {i for i in ids_b if i <= last}

p = print
p(f"Two nodes and one Redis (7.0, no persistence) on loopback; {bots} bots in one swarm with `--matchmake` on both "
  f"nodes (bot i asks node i mod 2), matches of up to 16, {duration} s; commands counted over the {secs:.1f} s of the swarm's run. "
  f"Bots joined: {swarm.get('joined')} / {swarm.get('bots')}; swarm errors: {swarm.get('errors', {}).get('total')}.\n")
p("| | node A | node B |\n| --- | --- | --- |")
p(f"| joins placed on this node (POST /matchmaking seats, seatsByNode) | {seats['a']} | {seats['b']} |")
p(f"| matches on this node in GET /matches on A mid-run | {by_node.get(f'http://127.0.0.1:{port_a}', 0)} | {by_node.get(f'http://127.0.0.1:{port_b}', 0)} |")
p(f"| feed events received on /events (with id) | {len(ids_a)} | {len(ids_b)} |")
p(f"| ids up to {last}: only on this node's feed | {len(seen_a - seen_b)} | {len(seen_b - seen_a)} |")
p(f"\nGET /matches on node A mid-run listed {len(matches_a)} matches: " +
  ", ".join(f"{n} on {k}" for k, n in sorted(by_node.items(), key=lambda kv: str(kv[0]))) + ".")
p(f"Event kinds on A's feed: " + ", ".join(f"{k} {v}" for k, v in sorted(names_a.items(), key=lambda kv: -kv[1])) + ".\n")
p(f"Feed events written (XADD calls): **{events}**, {events / secs:.1f}/s. Redis commands by kind:\n")
p("| command | calls | per second | per feed event | µs per call |\n| --- | ---: | ---: | ---: | ---: |")
total = sum(c for c, _ in load.values())
for cmd, (calls, usec) in sorted(load.items(), key=lambda kv: -kv[1][0]):
    if cmd.split("|")[0] in ("config", "info"):
        continue
    p(f"| {cmd.upper().replace('|', chr(92) + '|')} | {calls} | {calls / secs:.1f} | {calls / events if events else 0:.2f} | {usec / calls:.1f} |")
own = sum(calls for cmd, (calls, _) in load.items() if cmd.split("|")[0] in ("config", "info"))
p(f"| all (without this script's CONFIG/INFO) | {total - own} | {(total - own) / secs:.1f} | {(total - own) / events if events else 0:.2f} | |")
p(f"\nIdle, no players, the same two nodes and both feeds followed, over {idle_secs:.1f} s: " +
  ", ".join(f"{cmd.upper()} {calls / idle_secs:.1f}/s" for cmd, (calls, _) in sorted(idle_stats.items(), key=lambda kv: -kv[1][0])
            if cmd.split("|")[0] not in ("config", "info")) + ".")
p(f"\nNetwork over the run: {int(stats['total_net_input_bytes']) / events:.0f} B into Redis and "
  f"{int(stats['total_net_output_bytes']) / events:.0f} B out of it per feed event.")
p(f"\nThe stream at the end: XLEN {xlen}, MEMORY USAGE {stream_bytes} B ({stream_bytes / max(xlen, 1):.0f} B per entry). "
  f"{scratch_events} entries copied from it into a scratch stream: **{scratch_bytes} B, {scratch_bytes / scratch_events:.0f} B per entry** "
  f"({payload / scratch_events:.0f} B of it the event's JSON), so {scratch_bytes / scratch_events * 10000 / 1048576:.2f} MiB per 10,000 events. "
  f"Redis used_memory {int(mem['used_memory']) / 1048576:.1f} MiB (peak {int(mem['used_memory_peak']) / 1048576:.1f} MiB), RSS {int(mem['used_memory_rss']) / 1048576:.1f} MiB.")
if swarm_rc:
    p(f"\n**The swarm exited {swarm_rc}: see swarm.log.**")
PY

cat "$OUT/cluster.md"
if [[ -n $RESULTS ]]; then
    cat "$OUT/cluster.md" >>"$RESULTS"
    echo "Appended to $RESULTS"
fi
echo "Logs, feeds and reports in $OUT"
