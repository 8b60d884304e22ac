#!/usr/bin/env bash
# Frame extraction seeks (issue 5: 10 frames from a 10-minute video take at most 2.5x the time of 10 frames from a
# 1-minute one). Two 320x240 clips, keyframe every 2 s, 1 and 10 minutes; `spool frames --count 10` on each, median
# of N runs, interleaved so machine load hits both alike. A full decode of each clip is timed too, for scale: that is
# what a tool that reads the whole video would pay.
# Usage: bench/frames.sh [repeats=5] [frames=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-5}"
frames="${2:-10}"
work="$root/bench/results/frames-work"
"$root/spool" --help >/dev/null
rm -rf "$work" && mkdir -p "$work"
for minutes in 1 10; do
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=320x240:rate=25:duration=$((minutes * 60))" \
        -c:v libx264 -preset ultrafast -g 50 -keyint_min 50 -sc_threshold 0 -pix_fmt yuv420p "$work/clip_${minutes}min.mp4"
done
seconds() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f\n", b - a}'; }
run() {
    rm -rf "$work/out"
    local t0; t0=$(date +%s.%N)
    "$root/spool" frames "$work/clip_$1.mp4" --count "$frames" --output "$work/out" >/dev/null
    [ "$(find "$work/out" -name '*.jpg' | wc -l)" -eq "$frames" ] || { echo "spool frames did not write $frames frames" >&2; exit 1; }
    seconds "$t0"
}
decode() {
    local t0; t0=$(date +%s.%N)
    ffmpeg -hide_banner -loglevel error -nostdin -i "$work/clip_$1.mp4" -map 0:v:0 -f null -
    seconds "$t0"
}
short=() long=()
for _ in $(seq "$repeats"); do short+=("$(run 1min)"); long+=("$(run 10min)"); done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m_short=$(median "${short[@]}"); m_long=$(median "${long[@]}")
ratio=$(awk -v a="$m_long" -v b="$m_short" 'BEGIN {printf "%.2f", a / b}')
verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 2.5) ? "ok (<= 2.5)" : "TOO SLOW (> 2.5)"}')
mkdir -p "$root/bench/results"
{
    echo "bench/frames.sh on $(nproc) cores: spool frames --count $frames, 320x240 25 fps, keyframe every 2 s, median of $repeats"
    echo "1-minute clip  (baseline) $m_short s   (full decode $(decode 1min) s)"
    echo "10-minute clip            $m_long s   (full decode $(decode 10min) s)   ratio 10min/1min = $ratio  $verdict"
} | tee "$root/bench/results/frames.txt"
