#!/usr/bin/env bash
# Spectators of the feed while matches play: the server (pinned to core 0) runs MATCHES matches of BOTS_PER_MATCH bots
# (the swarm, core 1); then SPECTATORS streams of FEED_PATH are opened and held HOLD s (perf/GameServer.SpectatorLoad,
# core 1). Prints the server's CPU (% of a core) with the bots alone and with the spectators too, and the RSS growth per
# spectator. The swarm runs HOLD + 150 s, long enough for a slow opening. SERVER, SWARM and SPECTATOR_LOAD name prebuilt binaries (default: this checkout's Release builds).
set -euo pipefail
cd "$(dirname "$0")/.."
MATCHES=${MATCHES:-30} BOTS_PER_MATCH=${BOTS_PER_MATCH:-8} SPECTATORS=${SPECTATORS:-5000} HOLD=${HOLD:-60}
FEED_PATH=${FEED_PATH:-/events} PORT=${PORT:-5178}
SERVER=${SERVER:-src/GameServer/bin/Release/net10.0/GameServer}
SWARM=${SWARM:-perf/GameServer.LoadTest/bin/Release/net10.0/GameServer.LoadTest.dll}
SPECTATOR_LOAD=${SPECTATOR_LOAD:-perf/GameServer.SpectatorLoad/bin/Release/net10.0/GameServer.SpectatorLoad.dll}
ulimit -n 20000
url=http://127.0.0.1:$PORT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The server's CPU over $2 seconds, in % of one core.
cpu_percent() {
  local t0 t1 hz; hz=$(getconf CLK_TCK); t0=$(cpu_ticks "$1"); sleep "$2"; t1=$(cpu_ticks "$1")
  awk -v d=$((t1 - t0)) -v s="$2" -v hz="$hz" 'BEGIN { printf "%.1f", 100 * d / hz / s }'
}

taskset -c 0 "$SERVER" --urls "$url" --Matchmaking:Capacity "$BOTS_PER_MATCH" --Matchmaking:MinPlayersToStart 1 \
  --Limits:MaxConnectionsPerIp 100000 --Logging:LogLevel:Default Warning > /tmp/spectator-load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; kill ${swarm:-} 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$url/health" > /dev/null && break; sleep 0.2; done

bots=$((MATCHES * BOTS_PER_MATCH))
taskset -c 1 dotnet "$SWARM" --url "ws://127.0.0.1:$PORT/ws" --bots "$bots" --duration $((HOLD + 150)) --ramp 10 \
  --match-size "$BOTS_PER_MATCH" > /tmp/spectator-load-swarm.log 2>&1 &
swarm=$!
sleep 20
echo "matches: $(curl -s "$url/matches" | grep -o '"id":[0-9]*,"phase"' | wc -l), bots: $bots"
echo "server CPU, bots alone: $(cpu_percent $server 10) %"
taskset -c 1 dotnet "$SPECTATOR_LOAD" --url "$url" --path "$FEED_PATH" --connections "$SPECTATORS" --hold "$HOLD" \
  --server-pid $server > /tmp/spectator-load-spectators.log 2>&1 &
spectators=$!
# The CPU window starts once every stream is open (the tool says "holding"), and ends before the hold does.
until grep -q holding /tmp/spectator-load-spectators.log || ! kill -0 $spectators 2>/dev/null; do sleep 0.5; done
echo "server CPU, bots and $SPECTATORS spectators: $(cpu_percent $server $((HOLD / 2))) %"
wait $spectators || true
cat /tmp/spectator-load-spectators.log
