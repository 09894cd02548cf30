#!/usr/bin/env bash
# Fuzzes the frame decoders (ClientMessageReader, ServerMessageReader) with afl-fuzz through SharpFuzz.
#   perf/fuzz.sh [MINUTES]   default 10; everything runs under nice -n 19
# Seeds: protocol.md's vectors plus the committed corpus (less open-bugs/). New crashes and hangs are copied into
# perf/GameServer.Fuzz/corpus/open-bugs/ (which the CI test does not load) and replayed with their stack traces.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-10}
project=perf/GameServer.Fuzz
corpus=$project/corpus
work=${FUZZ_WORK:-$project/bin/afl}
publish=$work/publish
seeds=$work/seeds
findings=$work/findings

if ! command -v afl-fuzz >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q afl++
fi

dotnet tool restore >/dev/null

# sharpfuzz rewrites the dll in place and refuses one it already rewrote, so publish from scratch every time.
rm -rf "$publish" "$seeds" "$findings"
nice -n 19 dotnet publish "$project" -c Release -o "$publish" --nologo -v quiet
# The generic wire and version 1's Arena codec (its own assembly) are both instrumented.
nice -n 19 dotnet tool run sharpfuzz "$publish/GameServer.Protocol.dll"
nice -n 19 dotnet tool run sharpfuzz "$publish/GameServer.Arena.Wire.dll"

dotnet "$publish/GameServer.Fuzz.dll" seeds "$seeds"
find "$corpus" -type f ! -path "$corpus/open-bugs/*" ! -path "$corpus/seeds/*" ! -name '*.md' | while read -r file; do
  cp "$file" "$seeds/corpus-$(basename "$(dirname "$file")")-$(basename "$file")"
done

# dotnet carries no AFL signature (SharpFuzz instruments the dll, not the host), takes far more than afl's default
# memory limit, and starts slowly; the machine is shared, so no core is pinned.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_NO_CRASH_README=1
nice -n 19 afl-fuzz -i "$seeds" -o "$findings" -V $((minutes * 60)) -t 5000 -m none \
  -- "$(command -v dotnet)" "$publish/GameServer.Fuzz.dll" >"$work/afl.log" 2>&1 || { tail -40 "$work/afl.log"; exit 1; }

stats=$findings/default/fuzzer_stats
echo "afl-fuzz: $(grep -E '^(run_time|cycles_done|execs_done|execs_per_sec|corpus_count|stability|bitmap_cvg|edges_found|saved_crashes|saved_hangs) ' "$stats" |
  tr -s ' ' | tr '\n' ' ')"

found=0
mkdir -p "$corpus/open-bugs"
for file in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -e "$file" ] || continue
  name=$(sha256sum "$file" | cut -c1-16).bin
  cp "$file" "$corpus/open-bugs/$name"
  found=$((found + 1))
done

if [ "$found" -gt 0 ]; then
  echo "$found crashing or hanging inputs copied to $corpus/open-bugs/; their stack traces:"
  dotnet "$publish/GameServer.Fuzz.dll" replay "$corpus/open-bugs" || true
else
  rmdir "$corpus/open-bugs" 2>/dev/null || true
  echo "No crashes or hangs. The queue ($findings/default/queue) holds the inputs that found new paths."
fi
