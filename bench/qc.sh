#!/usr/bin/env bash
# What quick QC costs a batch (issue 4: at most 25 %): the same batch of 720p outputs with --qc off (baseline)
# and --qc quick, median of N runs each, interleaved so machine load hits both alike.
# Usage: bench/qc.sh [repeats=3] [clip seconds=8]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
seconds="${2:-8}"
work="$root/bench/results/qc-work"
"$root/spool" --help >/dev/null
rm -rf "$work" && mkdir -p "$work/clips"
for i in 1 2 3 4; do
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$seconds" \
        -f lavfi -i "sine=frequency=$((300 * i)):duration=$seconds" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
        -c:a aac -shortest "$work/clips/clip$i.mp4"
done
export SPOOL_HOME="$work/home"
run() {
    rm -rf "$work/out"
    local t0; t0=$(date +%s.%N)
    "$root/spool" process "$work/clips" --preset web_optimized --max-concurrent 2 --output "$work/out" --quiet --qc "$1" >/dev/null
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f\n", b - a}'
}
off=() quick=()
for _ in $(seq "$repeats"); do off+=("$(run off)"); quick+=("$(run quick)"); done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m_off=$(median "${off[@]}"); m_quick=$(median "${quick[@]}")
mkdir -p "$root/bench/results"
{
    echo "bench/qc.sh on $(nproc) cores: 4 clips of ${seconds}s 720p web_optimized, median of $repeats"
    echo "--qc off   (baseline) $m_off s"
    echo "--qc quick            $m_quick s   ratio quick/off = $(awk -v a="$m_quick" -v b="$m_off" 'BEGIN {printf "%.2f", a / b}')"
} | tee "$root/bench/results/qc.txt"
