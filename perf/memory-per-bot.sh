#!/usr/bin/env bash
# What one more player costs the server in memory: the slope of its RSS over the number of bots, in one server, with
# the bots added in steps. run-load.sh's "mem KiB/bot" divides the whole growth over the idle server by the count, so
# it also spreads over the players what any loaded server holds whatever its count (the code it has now run, the JIT's
# and the GC's working memory, the runtime's threads); the slope leaves that out, as the floor's 6 KiB does.
#
#   perf/memory-per-bot.sh                          # matches of 64, 250 bots to warm up, then up to 1000 in steps of 250, 3 runs (about 6 minutes)
#   CAPACITY=16 STEP=500 STEPS=4 RUNS=1 perf/memory-per-bot.sh
#
# Each run starts a fresh server pinned to core 0 (with the target's flags, as run-load.sh starts it) and, every
# SETTLE + WINDOW seconds, one more swarm of STEP bots pinned to core 1 (`play`, 30 Hz, 20 inputs a second); once a
# step's bots are in (its ramp, then SETTLE s), the server's RSS is sampled once a second for WINDOW s and averaged,
# so the GC's saw-tooth averages out. The first step warms the server up (its growth holds the one-time costs above)
# and is left out of the fit: the slope is the least-squares fit of the other steps' means over the players the
# server then held (its gameserver_players gauge);
# the median of the runs' slopes is printed last. Loopback only; every process it starts is stopped by its PID.
set -euo pipefail

cd "$(dirname "$0")/.."
CAPACITY=${CAPACITY:-64}
STEP=${STEP:-250}
STEPS=${STEPS:-4}
RUNS=${RUNS:-3}
RAMP=${RAMP:-5}
SETTLE=${SETTLE:-5}
WINDOW=${WINDOW:-15}
PORT=${PORT:-5183}
OUT=${OUT:-${TMPDIR:-/tmp}/gameserver-memory-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

dotnet build -c Release -v q -nologo src/GameServer/GameServer.csproj >"$OUT/build.log"
dotnet build -c Release -v q -nologo perf/GameServer.LoadTest/GameServer.LoadTest.csproj >>"$OUT/build.log"
SERVER_DLL=src/GameServer/bin/Release/net10.0/GameServer.dll
SWARM_DLL=perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT

rss_mean() {
    local pid=$1 sum=0
    for ((i = 0; i < WINDOW; i++)); do
        sum=$((sum + $(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")))
        sleep 1
    done
    echo $((sum / WINDOW))
}

slopes=()
for ((run = 1; run <= RUNS; run++)); do
    taskset -c 0 dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$PORT" --Matchmaking:Capacity "$CAPACITY" \
        --Matchmaking:MinPlayersToStart 1 --Logging:LogLevel:Default Warning --Limits:MaxConnectionsPerIp 100000 \
        >"$OUT/server-$run.log" 2>&1 &
    server=$!
    pids=("$server")
    for ((t = 0; t < 100; t++)); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
    counts=()
    means=()
    for ((s = 1; s <= STEPS; s++)); do
        # Each swarm outlives the last window; they all end with the server.
        lifetime=$(((STEPS - s + 1) * (RAMP + SETTLE + WINDOW) + 10))
        taskset -c 1 dotnet "$SWARM_DLL" --url "ws://127.0.0.1:$PORT/ws" --bots "$STEP" --duration "$lifetime" \
            --ramp "$RAMP" --match-size "$CAPACITY" --report "$OUT/swarm-$run-$s.json" >"$OUT/swarm-$run-$s.log" 2>&1 &
        pids+=("$!")
        sleep $((RAMP + SETTLE))
        mean=$(rss_mean "$server")
        # The players the server holds, not the bots started: a refused or late bot is not counted.
        players=$(curl -fsS "http://127.0.0.1:$PORT/metrics" | awk '/^gameserver_players[{ ]/ {n += $NF} END {printf "%d", n}')
        echo "run $run: $((s * STEP)) bots started, $players players, RSS $mean KiB" | tee -a "$OUT/steps.txt"
        if ((s > 1)); then
            counts+=("$players")
            means+=("$mean")
        fi
    done
    stop_all
    wait 2>/dev/null || true
    slope=$(printf '%s %s\n' $(paste -d' ' <(printf '%s\n' "${counts[@]}") <(printf '%s\n' "${means[@]}")) |
        awk '{n++; sx+=$1; sy+=$2; sxx+=$1*$1; sxy+=$1*$2} END {printf "%.1f", (n*sxy-sx*sy)/(n*sxx-sx*sx)}')
    slopes+=("$slope")
    echo "run $run: $slope KiB per added bot (matches of $CAPACITY)" | tee -a "$OUT/steps.txt"
done
median=$(printf '%s\n' "${slopes[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $RUNS runs: $median KiB per added bot (matches of $CAPACITY, from $((2 * STEP)) to $((STEP * STEPS)) bots in steps of $STEP); runs: ${slopes[*]}"
