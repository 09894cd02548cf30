#!/usr/bin/env bash
# Chaos on loopback: perf/soak.sh with churn. By default 100 bots for 5 minutes, 10% of them dropped abruptly per
# minute (a reset, no close frame), each reconnecting after 1 to 1.5 s with its last resume token. Passes when every
# resume is welcomed as the same player, no bot reconnects within a second of its previous connect, no player stays
# disconnected past the grace period (no orphans), and counts return to their baseline after the bots leave.
#
#   perf/chaos.sh
#   BOTS=500 DURATION=600 CHURN=0.1 GRACE=10 perf/chaos.sh
set -euo pipefail
MODE=chaos exec "$(dirname "$0")/soak.sh" "$@"
