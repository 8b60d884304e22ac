#!/usr/bin/env bash
# Batch benchmarks (not part of ./test.sh). Each figure is a ratio against a baseline measured in the same run.
#  1. the same 6-clip batch through `spool process` and through a GNU parallel one-liner of plain ffmpeg,
#     at the same concurrency and with the same encode settings (web_optimized);
#  2. one input to three presets: one fused spool run (one decode, split) vs three separate spool runs.
# Usage: bench/batch.sh [repeats=3] [clip seconds=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
seconds="${2:-10}"
work="$root/bench/results/work"
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg
command -v parallel >/dev/null 2>&1 || spool_apt_install parallel
"$root/spool" --help >/dev/null   # build outside the clock

rm -rf "$work" && mkdir -p "$work/clips"
for i in 1 2 3 4 5 6; do
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$seconds" \
        -f lavfi -i "sine=frequency=$((200 * i)):duration=$seconds" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
        -c:a aac -shortest "$work/clips/clip$i.mp4"
done

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_it() { local t0; t0=$(now); "$@" >/dev/null 2>&1; awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.3f\n", b - a}'; }

# The baseline: what a user would write by hand for web_optimized, two at a time.
parallel_batch() {
    rm -rf "$work/parallel" && mkdir -p "$work/parallel"
    parallel -j 2 ffmpeg -hide_banner -loglevel error -y -i {} -vf "scale=1280:720,setsar=1,format=yuv420p" \
        -c:v libx264 -preset medium -crf 28 -profile:v high -threads 1 -c:a aac -b:a 96k -ac 2 -movflags +faststart \
        "$work/parallel/{/.}.mp4" ::: "$work"/clips/*.mp4
}
spool_batch() {
    rm -rf "$work/spool"
    "$root/spool" process "$work/clips" --preset web_optimized --max-concurrent 2 --output "$work/spool" --quiet
}
fused() {
    rm -rf "$work/fused"
    "$root/spool" process "$work/clips/clip1.mp4" --preset web_optimized,mobile_optimized,fast_draft --max-concurrent 1 --output "$work/fused" --quiet
}
separate() {
    rm -rf "$work/separate"
    for preset in web_optimized mobile_optimized fast_draft; do
        "$root/spool" process "$work/clips/clip1.mp4" --preset "$preset" --max-concurrent 1 --output "$work/separate" --quiet
    done
}

declare -A results
for name in parallel_batch spool_batch fused separate; do
    results[$name]=$(for _ in $(seq "$repeats"); do time_it "$name"; done | median)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mkdir -p "$root/bench/results"
{
    echo "bench/batch.sh on $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3), 6 clips of ${seconds}s 1080p, median of $repeats"
    echo "parallel one-liner (baseline)   ${results[parallel_batch]} s"
    echo "spool process                   ${results[spool_batch]} s   ratio spool/parallel = $(ratio "${results[spool_batch]}" "${results[parallel_batch]}")"
    echo "three presets, separate runs    ${results[separate]} s   (baseline)"
    echo "three presets, one fused run    ${results[fused]} s   ratio fused/separate = $(ratio "${results[fused]}" "${results[separate]}")"
} | tee "$root/bench/results/batch.txt"
