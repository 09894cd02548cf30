#!/usr/bin/env bash
# Runs the bot swarm against the server and against the physical floor (perf/floor) at several sizes, on loopback,
# the target pinned to core 0 and the swarm to core 1, and appends a table of per-bot costs to perf/RESULTS.md.
#
#   perf/run-load.sh                      # N = 100 500 1000 2000, matches of 16 and 64, 30 s each (about 10 minutes)
#   POINTS="1000" CAPACITIES="16" perf/run-load.sh
#   SERVER_ARGS="--Gateway:SendPath Channel" perf/run-load.sh   # extra server settings, e.g. to compare send paths
#   DURATION=30 RAMP=10 TICK_RATE=30 RESULTS=perf/RESULTS.md OUT=/tmp/load SERVER_PORT=5180 FLOOR_PORT=5181 perf/run-load.sh
#
# Each point: start the target, read its idle RSS, run the swarm for DURATION s (RAMP s of ramp), sample the target's
# CPU time (utime+stime from /proc/PID/stat) and RSS over the steady window, stop everything. Every process it starts
# is stopped by its own PID; the whole script is bounded by the number of points times about DURATION + 6 s.
set -euo pipefail

cd "$(dirname "$0")/.."
POINTS=${POINTS:-"100 500 1000 2000"}
CAPACITIES=${CAPACITIES:-"16 64"}
DURATION=${DURATION:-30}
RAMP=${RAMP:-10}
TICK_RATE=${TICK_RATE:-30}
SERVER_ARGS=${SERVER_ARGS:-}
# On a machine shared with other work, NICE=-10 (as root) keeps the measured processes from being starved.
NICE=${NICE:-0}
RESULTS=${RESULTS:-perf/RESULTS.md}
OUT=${OUT:-${TMPDIR:-/tmp}/gameserver-load-$(date +%Y%m%d-%H%M%S)}
# Not 5000: other checkouts on a shared machine run their servers there.
SERVER_PORT=${SERVER_PORT:-5180}
FLOOR_PORT=${FLOOR_PORT:-5181}
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

echo "Building (Release) into $OUT ..."
dotnet build -c Release -v q -nologo src/GameServer/GameServer.csproj >"$OUT/build.log"
dotnet build -c Release -v q -nologo perf/GameServer.LoadTest/GameServer.LoadTest.csproj >>"$OUT/build.log"
gcc -O2 -Wall -o "$OUT/floor" perf/floor/floor.c -lcrypto
SERVER_DLL=src/GameServer/bin/Release/net10.0/GameServer.dll
SWARM_DLL=perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll

target_pid=""
swarm_pid=""
cleanup() {
    [[ -n "$swarm_pid" ]] && kill "$swarm_pid" 2>/dev/null || true
    [[ -n "$target_pid" ]] && kill "$target_pid" 2>/dev/null || true
}
trap cleanup EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
now() { date +%s.%N; }

port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "Port $1 is already in use: set SERVER_PORT / FLOOR_PORT to free ports." >&2
        exit 1
    fi
}

wait_for_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "Nothing listens on port $1" >&2
    return 1
}

# run_point NAME PORT BOTS CAPACITY: the target must already run as $target_pid; writes $OUT/NAME.json and .metrics
run_point() {
    local name=$1 port=$2 bots=$3 capacity=$4
    sleep 1
    local idle_rss; idle_rss=$(rss_kib "$target_pid")
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    nice -n "$NICE" taskset -c 1 dotnet "$SWARM_DLL" --url "ws://127.0.0.1:$port/ws" --bots "$bots" --duration "$DURATION" --ramp "$RAMP" \
        --match-size "$capacity" --report "$OUT/$name.json" >"$OUT/$name.swarm.log" 2>&1 &
    swarm_pid=$!
    local start; start=$(now)
    # The steady window: from 3 s after the ramp to 1 s before the end (the swarm's own window is ramp + 2 s to the end).
    sleep $((RAMP + 3))
    local c0 s0 t0; c0=$(cpu_ticks "$target_pid"); s0=$(cpu_ticks "$swarm_pid"); t0=$(now)
    sleep $((DURATION - RAMP - 4))
    local c1 s1 t1 rss; c1=$(cpu_ticks "$target_pid"); s1=$(cpu_ticks "$swarm_pid"); t1=$(now); rss=$(rss_kib "$target_pid")
    local rc=0
    wait "$swarm_pid" || rc=$?
    swarm_pid=""
    echo "$c0 $c1 $s0 $s1 $t0 $t1 $idle_rss $rss $rc $load $CLK_TCK" >"$OUT/$name.metrics"
    echo "  $name: swarm exit $rc, $(tail -n 3 "$OUT/$name.swarm.log" | head -n 1)"
}

stop_target() {
    kill -TERM "$target_pid" 2>/dev/null || true
    wait "$target_pid" 2>/dev/null || true
    target_pid=""
}

for capacity in $CAPACITIES; do
    for bots in $POINTS; do
        name="server-m$capacity-n$bots"
        echo "$name"
        port_free $SERVER_PORT
        nice -n "$NICE" taskset -c 0 dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$SERVER_PORT" --Matchmaking:Capacity "$capacity" \
            --Matchmaking:MinPlayersToStart 1 --Tick:TickRate "$TICK_RATE" --Logging:LogLevel:Default Warning \
            --Limits:MaxConnectionsPerIp 100000 $SERVER_ARGS \
            >"$OUT/$name.server.log" 2>&1 &
        target_pid=$!
        wait_for_port $SERVER_PORT
        curl -fsS "http://127.0.0.1:$SERVER_PORT/health" >/dev/null
        run_point "$name" $SERVER_PORT "$bots" "$capacity"
        stop_target

        # The floor serves the same sockets the same traffic, with deltas the size the server's were.
        delta_bytes=$(python3 -c "import json,sys; print(int(json.load(open(sys.argv[1]))['bytesPerDelta']) or 200)" "$OUT/$name.json" 2>/dev/null || echo 200)
        name="floor-m$capacity-n$bots"
        echo "$name (deltas of $delta_bytes bytes)"
        port_free $FLOOR_PORT
        nice -n "$NICE" taskset -c 0 "$OUT/floor" --port $FLOOR_PORT --tick-rate "$TICK_RATE" --delta-bytes "$delta_bytes" >"$OUT/$name.floor.log" 2>&1 &
        target_pid=$!
        wait_for_port $FLOOR_PORT
        run_point "$name" $FLOOR_PORT "$bots" "$capacity"
        stop_target
    done
done

python3 perf/floor/summarize.py "$OUT" "$CAPACITIES" "$POINTS" "$TICK_RATE" "$DURATION" "$RAMP" "$NICE" >"$OUT/table.md"
cat "$OUT/table.md"
cat "$OUT/table.md" >>"$RESULTS"
echo "Appended to $RESULTS; reports (JSON and HTML) in $OUT"
