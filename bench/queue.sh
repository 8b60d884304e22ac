#!/usr/bin/env bash
# Queue benchmarks (not part of ./test.sh). Each figure is compared with a baseline measured in the same run.
#  1. Orchestration cost per job: N tiny jobs (one 64x64, 0.2 s clip hard-linked N times, preset fast_draft) through
#     `spool process --max-concurrent 2` vs the very ffmpeg commands `spool plan` prints, run by xargs -P 2.
#     The planner has no stream-copy path, so these are the cheapest jobs Spool can run: 5 frames of ultrafast x264.
#     Spool's extra work per job is real work: probe at submit, probe before the encode, probe of the output (QC),
#     store writes, log, metadata and report files.
#  2. Resident memory with M queued jobs (M/5 hard-linked inputs x 5 presets) vs a 10-job store: peak RSS of
#     `submit`, of `status --job-id ID --json`, and of a `worker` that runs for a fixed window (VmHWM from /proc).
# Usage: bench/queue.sh [jobs=1000] [queued=10000] [worker window seconds=15]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${1:-1000}"
queued="${2:-10000}"
window="${3:-15}"
work="$root/bench/results/queue-work"
out="$root/bench/results/queue.txt"
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg
[ -x /usr/bin/time ] || spool_apt_install time
spool="$root/spool"
"$spool" --help >/dev/null   # build outside the clock
unset SPOOL_STORE

rm -rf "$work" && mkdir -p "$work"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=64x64:rate=25:duration=0.2" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=0.2" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
    -c:a aac -shortest "$work/tiny.mp4"
link_inputs() { # folder count
    mkdir -p "$1"
    for i in $(seq -w 1 "$2"); do ln "$work/tiny.mp4" "$1/c$i.mp4"; done
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'; }
calc() { awk "BEGIN {printf \"$1\", $2}"; }

# --- 1. orchestration cost ---------------------------------------------------------------------------------------
link_inputs "$work/clips" "$jobs"
export SPOOL_HOME="$work/home-cost"
"$spool" plan "$work/clips" --preset fast_draft --output "$work/loop" | grep '^ffmpeg ' >"$work/commands.txt"
[ "$(wc -l <"$work/commands.txt")" -eq "$jobs" ] || { echo "plan printed $(wc -l <"$work/commands.txt") commands for $jobs jobs" >&2; exit 1; }
for i in $(seq -w 1 "$jobs"); do mkdir -p "$work/loop/c$i/video"; done
t0=$(now)
xargs -P 2 -d '\n' -I{} bash -c '{} >/dev/null 2>&1' <"$work/commands.txt"
loop_wall=$(elapsed "$t0")
loop_made=$(find "$work/loop" -name '*.mp4' | wc -l)

t0=$(now)
"$spool" process "$work/clips" --preset fast_draft --max-concurrent 2 --output "$work/spool" --quiet >"$work/process.log" 2>&1 || true
spool_wall=$(elapsed "$t0")
spool_made=$(find "$work/spool" -path '*/video/*.mp4' -not -name '*.partial.*' | wc -l)

# --- 2. resident memory with queued jobs --------------------------------------------------------------------------
presets="web_optimized,mobile_optimized,fast_draft,high_quality,archival"
measure_store() { # label inputs -> sets rss_submit rss_status rss_worker worker_done submit_wall
    local label="$1" inputs="$2" home="$work/home-$1" id t0 pid
    export SPOOL_HOME="$home"
    link_inputs "$work/q-$label" "$inputs"
    t0=$(now)
    /usr/bin/time -f "%M" -o "$work/submit-$label.rss" \
        "$spool" submit "$work/q-$label" --preset "$presets" --output "$work/qout-$label" --quiet >"$work/submit-$label.log"
    submit_wall=$(elapsed "$t0")
    rss_submit=$(tail -1 "$work/submit-$label.rss")
    id=$(grep -o 'batch_[0-9_]*' "$work/submit-$label.log" | head -1)
    /usr/bin/time -f "%M" -o "$work/status-$label.rss" "$spool" status --job-id "$id" --json >"$work/status-$label.json"
    rss_status=$(tail -1 "$work/status-$label.rss")
    "$spool" worker --max-concurrent 2 --quiet >"$work/worker-$label.log" 2>&1 &
    pid=$!
    sleep "$window"
    rss_worker=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    kill -TERM "$pid"   # a background job of a script ignores SIGINT; spool stops on SIGTERM the same way
    wait "$pid" || true
    worker_done=$(find "$work/qout-$label" -path '*/video/*.mp4' -not -name '*.partial.*' 2>/dev/null | wc -l)
}
measure_store small 2
small=("$rss_submit" "$rss_status" "$rss_worker" "$worker_done" "$submit_wall")
measure_store large $((queued / 5))
large=("$rss_submit" "$rss_status" "$rss_worker" "$worker_done" "$submit_wall")
db_size=$(du -k "$work/home-large/spool.db" | cut -f1)

mkdir -p "$root/bench/results"
{
    echo "bench/queue.sh on $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "1. orchestration: $jobs tiny jobs (64x64, 0.2 s, fast_draft), 2 at a time"
    echo "   plain loop (xargs -P 2, spool plan's commands)   $loop_wall s   ($loop_made outputs)"
    echo "   spool process --max-concurrent 2                $spool_wall s   ($spool_made outputs)"
    echo "   overhead per job = (spool - loop) / jobs        $(calc '%.1f' "($spool_wall - $loop_wall) * 1000 / $jobs") ms   ratio spool/loop = $(calc '%.2f' "$spool_wall / $loop_wall")"
    echo "2. resident memory: $queued queued jobs ($((queued / 5)) inputs x 5 presets) vs 10 jobs (2 x 5); peak RSS in MiB"
    echo "   submit                  10 jobs $(calc '%.1f' "${small[0]} / 1024")   $queued jobs $(calc '%.1f' "${large[0]} / 1024")   ratio $(calc '%.2f' "${large[0]} / ${small[0]}")   (submit took ${small[4]} s vs ${large[4]} s)"
    echo "   status --job-id --json  10 jobs $(calc '%.1f' "${small[1]} / 1024")   $queued jobs $(calc '%.1f' "${large[1]} / 1024")   ratio $(calc '%.2f' "${large[1]} / ${small[1]}")"
    echo "   worker, ${window} s window      10 jobs $(calc '%.1f' "${small[2]} / 1024")   $queued jobs $(calc '%.1f' "${large[2]} / 1024")   ratio $(calc '%.2f' "${large[2]} / ${small[2]}")   (outputs made in the window: ${small[3]} vs ${large[3]})"
    echo "   store file with $queued jobs: $(calc '%.1f' "$db_size / 1024") MiB"
} | tee "$out"
