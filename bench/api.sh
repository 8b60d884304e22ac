#!/usr/bin/env bash
# HTTP API latency under load (not part of ./test.sh). The same routes are timed against a store of 10,000 jobs,
# shaped two ways ("one": 1 batch x 10,000 jobs; "many": 100 batches x 100 jobs), and against the baseline, a store
# of one 10-job batch (the smallest in which every route answers 200); p99 loaded / p99 baseline is the figure.
# Stores are seeded through Spool.Core's IJobStore by bench/ApiLatency (88% of each batch's jobs finished, one in
# eleven of those failed, 2% running, the rest queued); `spool serve --no-workers` serves each in turn.
# Each route: 50 warm-up requests, then N in a row, then N shared by 4 concurrent clients (keep-alive, token sent).
# Then the page in headless chromium: 10 loads timed until the batch list and the first jobs page (100 rows) are drawn,
# and 200 round trips to the live page's main thread.
# Usage: bench/api.sh [requests per route and mode=500]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requests="${1:-500}"
work="$root/bench/results/api-work"
out="$root/bench/results/api.txt"
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg
spool_ensure_dotnet
chromium=1
spool_ensure_chromium || { chromium=""; echo "bench/api.sh: no chromium, so the page itself is not timed" >&2; }
spool="$root/spool"
"$spool" --help >/dev/null   # build the CLI outside the clock
unset SPOOL_STORE SPOOL_TOKEN

rm -rf "$work" && mkdir -p "$work"
if ! dotnet build "$root/bench/ApiLatency/ApiLatency.csproj" -c Release -o "$work/bin" --artifacts-path "$work/artifacts" \
    --nologo -v q >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
fi
helper() { dotnet "$work/bin/ApiLatency.dll" "$@"; }
token="bench-token-$$"
tsv="$work/latency.tsv"
notes=()
for shape in baseline one many; do
    home="$work/home-$shape"
    t0=$(date +%s.%N)
    id=$(helper seed "$home" "$shape")
    seeded=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
    log="$work/serve-$shape.log"
    SPOOL_HOME="$home" "$spool" serve --no-workers --port 0 --token "$token" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
        grep -q '^Serving on ' "$log" && break
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "spool serve exited before serving" >&2; exit 1; }
        sleep 0.1
    done
    url=$(sed -n 's/^Serving on \(http:[^ ]*\)$/\1/p' "$log" | head -1)
    [ -n "$url" ] || { cat "$log" >&2; kill -TERM "$pid"; echo "spool serve printed no address" >&2; exit 1; }
    helper measure "$url" "$token" "$tsv" "$shape" "$requests" \
        "api/batches" "api/batches?offset=50&limit=50" "api/batches/$id?limit=100" "api/batches/$id?offset=9900&limit=100" \
        "api/system" "metrics" ""
    if [ -n "$chromium" ]; then
        rows=100
        [ "$shape" = baseline ] && rows=10
        helper page "$url" "$token" "$tsv" "$shape" "$rows" "$work/chromium-$shape"
    fi
    rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    kill -TERM "$pid"
    wait "$pid" || true
    db=$(du -k "$home/spool.db" | cut -f1)
    notes+=("  $shape: seeded in $seeded s, store file $((db / 1024)) MiB, server peak RSS $rss MiB, detail routes read $id")
done

mkdir -p "$root/bench/results"
{
    echo "bench/api.sh on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $requests requests per route and mode"
    echo "client and server share the machine; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%s\n' "${notes[@]}"
    helper report "$tsv"
} | tee "$out"
