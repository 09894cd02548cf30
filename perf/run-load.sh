#!/usr/bin/env bash
# Runs a load of bots against each target at several sizes, on loopback, the target pinned to core 0 and its load
# client to core 1, and appends a table of per-bot costs to perf/RESULTS.md. The targets, measured one after the other
# at each point of the same run so their figures compare:
#   server  GameServer (src/GameServer), loaded by our swarm (perf/GameServer.LoadTest)
#   peer    an Arena-shaped Colyseus 0.18 room (perf/peers/colyseus), loaded by its own @colyseus/sdk client at the
#           same rates; `npm ci` runs there first if its node_modules is missing
#   floor   perf/floor/floor.c, the kernel's cost alone, loaded by our swarm
#
#   perf/run-load.sh                      # all three; N = idle, 16, 160, 1000, 2000; matches of 16 and 64 (about 14 minutes)
#   POINTS="0 160" CAPACITIES="16" DURATION=20 RAMP=5 perf/run-load.sh
#   TARGETS="server floor" POINTS="1000" perf/run-load.sh
#   SERVER_ARGS="--Gateway:Transport Kestrel" perf/run-load.sh   # extra server settings, e.g. to compare transports
#   FLOOR_ARGS="--batch-sends 1" TARGETS=floor perf/run-load.sh   # the floor with each tick's sends in one io_uring submission
#   SWARM_ARGS="--protocol v1" TARGETS=server perf/run-load.sh      # extra swarm options: the bots on protocol 1
#   REPEATS=3 TARGETS="server floor" POINTS="160" perf/run-load.sh   # each point 3 times, the targets alternated: medians
#   DURATION=25 RAMP=8 TICK_RATE=30 RESULTS=perf/RESULTS.md OUT=/tmp/load SERVER_PORT=5180 FLOOR_PORT=5181 PEER_PORT=5182 perf/run-load.sh
#   TARGET_CPUS=0-3 LOAD_CPUS=8-15 POINTS=8000 perf/run-load.sh   # on a larger machine: the tick shards over 4 cores
#   BUILD=0 perf/run-load.sh   # no build: the Release outputs (and perf/floor/floor) must already be there
#   BUILD=0 SERVER_DLL=/tmp/old/GameServer.dll SWARM_DLL=/tmp/old/GameServer.LoadTest.dll perf/run-load.sh   # another build's server or swarm (to compare commits)
#
# POINTS are bot counts; 0 is the idle point: the target runs with no bots and its CPU (% of a core) and RSS are
# sampled over IDLE_WINDOW s, once per target (not per capacity: an idle target has no match). A loaded point: start
# the target, read its idle RSS, run the load for DURATION s (RAMP s of ramp), sample the target's CPU time
# (utime+stime from /proc/PID/stat) and RSS over the steady window, stop everything. PEER_DECODE (none or full) says
# whether the peer's clients decode patches: none (the default) counts them undecoded, as our swarm's bots skim all
# but their own entity; full is what a real Colyseus client pays. Every process it starts is stopped by its own PID;
# the whole script is bounded by the number of points times targets times REPEATS times about DURATION + 6 s.
# REPEATS runs every point that many times, the targets taking turns (server, peer, floor, server, ...), and adds a
# row of medians per target: on a VM whose speed drifts by 15 % from one minute to the next, one run of each target
# is not enough for a ratio.
set -euo pipefail

cd "$(dirname "$0")/.."
POINTS=${POINTS:-"0 16 160 1000 2000"}
CAPACITIES=${CAPACITIES:-"16 64"}
TARGETS=${TARGETS:-"server peer floor"}
DURATION=${DURATION:-25}
RAMP=${RAMP:-8}
IDLE_WINDOW=${IDLE_WINDOW:-10}
IDLE_SETTLE=${IDLE_SETTLE:-10}
PEER_DECODE=${PEER_DECODE:-none}
TICK_RATE=${TICK_RATE:-30}
REPEATS=${REPEATS:-1}
SERVER_ARGS=${SERVER_ARGS:-}
FLOOR_ARGS=${FLOOR_ARGS:-}
# Extra swarm options, e.g. SWARM_ARGS="--protocol v1" to load the server with protocol 1 (2 is the swarm's default).
SWARM_ARGS=${SWARM_ARGS:-}
# The cores (taskset lists) the target and its load client are pinned to; a server on N cores runs N tick shards.
TARGET_CPUS=${TARGET_CPUS:-0}
LOAD_CPUS=${LOAD_CPUS:-1}
BUILD=${BUILD:-1}
# On a machine shared with other work, NICE=-10 (as root) keeps the measured processes from being starved.
NICE=${NICE:-0}
RESULTS=${RESULTS:-perf/RESULTS.md}
OUT=${OUT:-${TMPDIR:-/tmp}/gameserver-load-$(date +%Y%m%d-%H%M%S)}
# Not 5000: other checkouts on a shared machine run their servers there.
SERVER_PORT=${SERVER_PORT:-5180}
FLOOR_PORT=${FLOOR_PORT:-5181}
PEER_PORT=${PEER_PORT:-5182}
PEER_DIR=perf/peers/colyseus
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

FLOOR_BIN=perf/floor/floor
: >"$OUT/build.log"
[[ $BUILD == 0 ]] || echo "Building (Release) ..."
if [[ $BUILD != 0 && " $TARGETS " == *" server "* ]]; then
    dotnet build -c Release -v q -nologo src/GameServer/GameServer.csproj >>"$OUT/build.log"
fi
if [[ $BUILD != 0 && ( " $TARGETS " == *" server "* || " $TARGETS " == *" floor "* ) ]]; then
    dotnet build -c Release -v q -nologo perf/GameServer.LoadTest/GameServer.LoadTest.csproj >>"$OUT/build.log"
fi
if [[ $BUILD != 0 && " $TARGETS " == *" floor "* ]]; then
    gcc -O2 -Wall -o "$FLOOR_BIN" perf/floor/floor.c -lcrypto
fi
if [[ " $TARGETS " == *" peer "* && ! -d "$PEER_DIR/node_modules" ]]; then
    echo "Installing the peer (npm ci in $PEER_DIR) ..."
    (cd "$PEER_DIR" && npm ci --no-audit --no-fund) >>"$OUT/build.log" 2>&1
fi
SERVER_DLL=${SERVER_DLL:-src/GameServer/bin/Release/net10.0/GameServer.dll}
SWARM_DLL=${SWARM_DLL:-perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll}

target_pid=""
swarm_pid=""
cleanup() {
    [[ -n "$swarm_pid" ]] && kill "$swarm_pid" 2>/dev/null || true
    [[ -n "$target_pid" ]] && kill "$target_pid" 2>/dev/null || true
}
trap cleanup EXIT

# skipped_ticks TARGET PORT: the server's gameserver.tick.skipped so far (ticks it was too late to run at all, which
# the bots cannot see as gaps: the tick numbers go on), or - for a target without it.
skipped_ticks() {
    if [[ $1 != server ]]; then echo -; return; fi
    curl -fsS "http://127.0.0.1:$2/metrics" 2>/dev/null | awk '/^gameserver_tick_skipped/ { s += $NF } END { print s + 0 }'
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
now() { date +%s.%N; }

port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "Port $1 is already in use: set SERVER_PORT / PEER_PORT / FLOOR_PORT to free ports." >&2
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

# start_load TARGET PORT BOTS CAPACITY NAME: the target's own load client on LOAD_CPUS, as $swarm_pid
start_load() {
    local target=$1 port=$2 bots=$3 capacity=$4 name=$5
    if [[ $target == peer ]]; then
        nice -n "$NICE" taskset -c "$LOAD_CPUS" node "$PEER_DIR/bots.js" --url "ws://127.0.0.1:$port" --bots "$bots" --duration "$DURATION" \
            --ramp "$RAMP" --capacity "$capacity" --decode "$PEER_DECODE" --report "$OUT/$name.json" >"$OUT/$name.swarm.log" 2>&1 &
    else
        # The floor speaks protocol 1 only (its upgrade answers gameserver.v1): its bots do too, whatever the server's use.
        local protocol=""
        if [[ $target == floor && " $SWARM_ARGS " != *" --protocol "* ]]; then
            protocol="--protocol v1"
        fi
        nice -n "$NICE" taskset -c "$LOAD_CPUS" dotnet "$SWARM_DLL" --url "ws://127.0.0.1:$port/ws" --bots "$bots" --duration "$DURATION" --ramp "$RAMP" \
            --match-size "$capacity" --report "$OUT/$name.json" $protocol $SWARM_ARGS >"$OUT/$name.swarm.log" 2>&1 &
    fi
    swarm_pid=$!
}

# run_point TARGET NAME PORT BOTS CAPACITY: the target must already run as $target_pid; writes $OUT/NAME.json and .metrics
run_point() {
    local target=$1 name=$2 port=$3 bots=$4 capacity=$5
    sleep 1
    local idle_rss; idle_rss=$(rss_kib "$target_pid")
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    start_load "$target" "$port" "$bots" "$capacity" "$name"
    # The steady window: from 3 s after the ramp to 1 s before the end (the load clients' own window is ramp + 2 s to the end).
    sleep $((RAMP + 3))
    local c0 s0 t0 k0; c0=$(cpu_ticks "$target_pid"); s0=$(cpu_ticks "$swarm_pid"); t0=$(now); k0=$(skipped_ticks "$target" "$port")
    sleep $((DURATION - RAMP - 4))
    local c1 s1 t1 rss k1; c1=$(cpu_ticks "$target_pid"); s1=$(cpu_ticks "$swarm_pid"); t1=$(now); rss=$(rss_kib "$target_pid"); k1=$(skipped_ticks "$target" "$port")
    local rc=0
    wait "$swarm_pid" || rc=$?
    swarm_pid=""
    echo "$c0 $c1 $s0 $s1 $t0 $t1 $idle_rss $rss $rc $load $CLK_TCK $k0 $k1" >"$OUT/$name.metrics"
    echo "  $name: load client exit $rc, $(tail -n 3 "$OUT/$name.swarm.log" | head -n 1)"
}

# idle_point NAME: no bots; the target's CPU and RSS over IDLE_WINDOW s, after IDLE_SETTLE s: what a server costs
# while it waits, not the tiered JIT's recompiling of its start-up code in the first seconds.
idle_point() {
    local name=$1
    sleep "$IDLE_SETTLE"
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    local c0 t0 rss0; c0=$(cpu_ticks "$target_pid"); t0=$(now); rss0=$(rss_kib "$target_pid")
    sleep "$IDLE_WINDOW"
    local c1 t1 rss; c1=$(cpu_ticks "$target_pid"); t1=$(now); rss=$(rss_kib "$target_pid")
    echo "$c0 $c1 0 0 $t0 $t1 $rss0 $rss 0 $load $CLK_TCK" >"$OUT/$name.metrics"
    echo "  $name: idle, $(( (c1 - c0) * 100 / CLK_TCK / IDLE_WINDOW )) % of a core"
}

# start_target TARGET CAPACITY NAME: starts it on TARGET_CPUS as $target_pid and waits for its port; sets $port
start_target() {
    local target=$1 capacity=$2 name=$3
    case $target in
        server)
            port=$SERVER_PORT
            port_free "$port"
            nice -n "$NICE" taskset -c "$TARGET_CPUS" dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$port" --Matchmaking:Capacity "$capacity" \
                --Matchmaking:MinPlayersToStart 1 --Tick:TickRate "$TICK_RATE" --Logging:LogLevel:Default Warning \
                --Limits:MaxConnectionsPerIp 100000 $SERVER_ARGS \
                >"$OUT/$name.server.log" 2>&1 &
            target_pid=$!
            wait_for_port "$port"
            curl -fsS "http://127.0.0.1:$port/health" >/dev/null
            # The first scrape compiles the metrics exporter (a second of JIT on one core): here, not in the window.
            skipped_ticks server "$port" >/dev/null
            ;;
        peer)
            port=$PEER_PORT
            port_free "$port"
            # The room's simulation and patch rates are 30 Hz, fixed in arena-room.js (TICK_RATE does not reach it).
            nice -n "$NICE" taskset -c "$TARGET_CPUS" node "$PEER_DIR/server.js" --port "$port" --capacity "$capacity" >"$OUT/$name.peer.log" 2>&1 &
            target_pid=$!
            wait_for_port "$port"
            ;;
        floor)
            # The floor serves the same sockets the same traffic, with deltas the size the server's were at this point.
            port=$FLOOR_PORT
            port_free "$port"
            local delta_bytes
            delta_bytes=$(python3 -c "import json,sys; print(int(json.load(open(sys.argv[1]))['bytesPerDelta']) or 200)" "$OUT/server-${name#floor-}.json" 2>/dev/null || echo 200)
            echo "  (floor deltas of $delta_bytes bytes)"
            nice -n "$NICE" taskset -c "$TARGET_CPUS" "$FLOOR_BIN" --port "$port" --tick-rate "$TICK_RATE" --delta-bytes "$delta_bytes" $FLOOR_ARGS >"$OUT/$name.floor.log" 2>&1 &
            target_pid=$!
            wait_for_port "$port"
            ;;
        *)
            echo "Unknown target $target in TARGETS (server, peer, floor)" >&2
            exit 1
            ;;
    esac
}

# Stops the target by its PID: SIGTERM, then SIGKILL after 10 s.
stop_target() {
    kill -TERM "$target_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$target_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$target_pid" 2>/dev/null || true
    wait "$target_pid" 2>/dev/null || true
    target_pid=""
}

first_capacity=${CAPACITIES%% *}
for capacity in $CAPACITIES; do
    for bots in $POINTS; do
        if [[ $bots == 0 && $capacity != "$first_capacity" ]]; then
            continue
        fi
        for round in $(seq 1 "$REPEATS"); do
            for target in $TARGETS; do
                name="$target-m$capacity-n$bots"
                if [[ $round -gt 1 ]]; then
                    name+="-r$round"
                fi
                echo "$name"
                start_target "$target" "$capacity" "$name"
                if [[ $bots == 0 ]]; then
                    idle_point "$name"
                else
                    run_point "$target" "$name" "$port" "$bots" "$capacity"
                fi
                stop_target
            done
        done
    done
done

TARGET_CPUS=$TARGET_CPUS LOAD_CPUS=$LOAD_CPUS python3 perf/floor/summarize.py "$OUT" "$CAPACITIES" "$POINTS" "$TICK_RATE" "$DURATION" "$RAMP" "$NICE" "$TARGETS" "$PEER_DECODE" "$IDLE_WINDOW" "$REPEATS" >"$OUT/table.md"
cat "$OUT/table.md"
cat "$OUT/table.md" >>"$RESULTS"
echo "Appended to $RESULTS; reports (JSON and HTML) in $OUT"
