#!/usr/bin/env bash
# Soak and chaos on loopback: starts the server, runs the bot swarm for a bounded time while sampling the server
# (managed heap after the last GC, RSS, threads, thread-pool queue, connections, matches, players), then waits for the
# bots' players and matches to be gone and checks that memory had no upward trend and every count came back to its
# baseline. perf/soak/analyze.py judges; the script exits with its verdict.
#
# The server allocates so little in steady state that it runs a handful of GCs in 30 minutes, so "heap after the last
# GC" says little about leaks: every FULL_GC_EVERY seconds (and before the bots and after the drain) the script has dotnet-gcdump
# (a local tool) walk the heap, which takes a full blocking GC, and the trend is judged on the heap after those. The
# dumps are kept (baseline, the run's first and last, after); `dotnet gcdump report` lists one by type.
#
#   perf/soak.sh                                   # soak: 500 bots for 30 minutes
#   BOTS=150 DURATION=120 perf/soak.sh             # the 2-minute form
#   MODE=chaos perf/soak.sh                        # chaos (perf/chaos.sh): 10% of the bots dropped per minute, resuming
#   BEHAVIOUR=idle perf/soak.sh                   # bots that only listen and ping: matches end by the time limit
#   OUT=/tmp/soak SERVER_PORT=5190 INTERVAL=10 RAMP=30 GRACE=10 EMPTY_TIMEOUT=5 SERVER_ARGS="..." perf/soak.sh
#
# Bounded: DURATION + the drain (GRACE + EMPTY_TIMEOUT + DRAIN_MAX at most) + about 30 s; every process it starts is
# stopped by its own PID.
set -euo pipefail

cd "$(dirname "$0")/.."
MODE=${MODE:-soak}
if [[ $MODE == chaos ]]; then
    BOTS=${BOTS:-100}; DURATION=${DURATION:-300}; CHURN=${CHURN:-0.1}; INTERVAL=${INTERVAL:-2}
else
    BOTS=${BOTS:-500}; DURATION=${DURATION:-1800}; CHURN=${CHURN:-0}; INTERVAL=${INTERVAL:-10}
fi
RAMP=${RAMP:-30}
FULL_GC_EVERY=${FULL_GC_EVERY:-60}
GRACE=${GRACE:-10}
EMPTY_TIMEOUT=${EMPTY_TIMEOUT:-5}
DRAIN_MAX=${DRAIN_MAX:-90}
# play: matches end by the score limit or the 5-minute time limit, and the bots join the next one, so a long soak also
# cycles matches through their whole life. idle: deltas and pings only, no kills; matches end by the time limit.
BEHAVIOUR=${BEHAVIOUR:-play}
SERVER_ARGS=${SERVER_ARGS:-}
SERVER_PORT=${SERVER_PORT:-5190}
OUT=${OUT:-${TMPDIR:-/tmp}/gameserver-$MODE-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
SAMPLES="$OUT/samples.jsonl"
: >"$SAMPLES"

echo "Building (Release) into $OUT ..."
dotnet build -c Release -v q -nologo src/GameServer/GameServer.csproj >"$OUT/build.log"
dotnet build -c Release -v q -nologo perf/GameServer.LoadTest/GameServer.LoadTest.csproj >>"$OUT/build.log"
dotnet tool restore >>"$OUT/build.log"
SERVER_DLL=src/GameServer/bin/Release/net10.0/GameServer.dll
SWARM_DLL=perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll

server_pid=""
swarm_pid=""
cleanup() {
    [[ -n "$swarm_pid" ]] && kill "$swarm_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$SERVER_PORT") 2>/dev/null; then
    echo "Port $SERVER_PORT is already in use: set SERVER_PORT to a free port." >&2
    exit 1
fi

# Matches keep their default length (the bots rejoin when one ends); empty ones go soon after the bots leave.
dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$SERVER_PORT" --Logging:LogLevel:Default Warning \
    --Limits:MaxConnectionsPerIp 100000 --Matchmaking:MinPlayersToStart 1 \
    --Matchmaking:EmptyMatchTimeout "00:00:$(printf %02d "$EMPTY_TIMEOUT")" --Gateway:ResumeGracePeriod "00:00:$(printf %02d "$GRACE")" \
    $SERVER_ARGS >"$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$SERVER_PORT") 2>/dev/null && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$SERVER_PORT/health" >/dev/null

sample() { python3 perf/soak/sample.py "$SERVER_PORT" "$server_pid" "$1" "${2:-}" >>"$SAMPLES"; }
# A full GC (the heap walk of a gcdump), then a sample marked as taken after it. Dumps kept: baseline, the run's first
# and last, after.
last_full_gc=0
sample_after_full_gc() {
    local dump="$OUT/$1.gcdump"
    if [[ $1 == run ]]; then
        dump="$OUT/run-last.gcdump"
        [[ -f "$OUT/run-first.gcdump" ]] || dump="$OUT/run-first.gcdump"
    fi
    dotnet tool run dotnet-gcdump collect -p "$server_pid" -o "$dump" >>"$OUT/gcdump.log" 2>&1 || true
    last_full_gc=$(date +%s)
    sample "$1" fullgc
}

echo "$MODE: $BOTS bots for $DURATION s (ramp $RAMP s, churn $CHURN/min), sampling every $INTERVAL s; grace $GRACE s"
for _ in 1 2 3; do sample baseline; sleep 1; done
sample_after_full_gc baseline

dotnet "$SWARM_DLL" --url "ws://127.0.0.1:$SERVER_PORT/ws" --bots "$BOTS" --duration "$DURATION" --ramp "$RAMP" \
    --churn "$CHURN" --behaviour "$BEHAVIOUR" --report "$OUT/swarm.json" >"$OUT/swarm.log" 2>&1 &
swarm_pid=$!
while kill -0 "$swarm_pid" 2>/dev/null; do
    if (($(date +%s) - last_full_gc >= FULL_GC_EVERY)); then sample_after_full_gc run; else sample run; fi
    sleep "$INTERVAL"
done
swarm_rc=0
wait "$swarm_pid" || swarm_rc=$?
swarm_pid=""
echo "swarm exit $swarm_rc: $(grep -E 'PASSED|FAILED' "$OUT/swarm.log" || true)"
grep -E '^  ' "$OUT/swarm.log" || true

# The drain: players of bots dropped at the end wait out the grace period, then empty matches their timeout.
drain_start=$(date +%s)
min_drain=$((GRACE + EMPTY_TIMEOUT + 2 * INTERVAL))
while true; do
    sample drain
    elapsed=$(($(date +%s) - drain_start))
    if ((elapsed >= min_drain)) && python3 -c "import json,sys; s=json.loads(open(sys.argv[1]).read().splitlines()[-1]); sys.exit(0 if s.get('connections',1)==0 and s.get('matches',1)==0 else 1)" "$SAMPLES"; then
        break
    fi
    ((elapsed >= min_drain + DRAIN_MAX)) && break
    sleep "$INTERVAL"
done
# The thread pool retires idle threads after about 20 s: the last samples give it that time.
for _ in 1 2 3; do sleep 10; sample after; done
sample_after_full_gc after

verdict=0
python3 perf/soak/analyze.py "$SAMPLES" "$OUT/swarm.json" "$MODE" "$GRACE" "$INTERVAL" "$RAMP" "$swarm_rc" | tee "$OUT/summary.md" || verdict=$?
echo "Samples, swarm report and summary in $OUT"
exit $verdict
