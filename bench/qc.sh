#!/usr/bin/env bash
# What quick QC costs a batch (issue 12: at most 3 % of its CPU): the same batch of 720p outputs with --qc off
# (baseline) and --qc quick, median of N runs each, interleaved so machine load hits both alike. CPU is the user+sys
# time of spool and every ffmpeg/ffprobe it ran (GNU time counts waited-for children); wall is printed beside it.
# The sources are MPEG-2 masters, so every output is an encode (none can be remuxed).
# Usage: bench/qc.sh [repeats=3] [clip seconds=8]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
seconds="${2:-8}"
work="$root/bench/results/qc-work"
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg
command -v /usr/bin/time >/dev/null 2>&1 || spool_apt_install time
"$root/spool" --help >/dev/null
rm -rf "$work" && mkdir -p "$work/clips"
for i in 1 2 3 4; do
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$seconds" \
        -f lavfi -i "sine=frequency=$((300 * i)):duration=$seconds:sample_rate=48000" -vf "noise=alls=6:allf=t" \
        -c:v mpeg2video -q:v 3 -pix_fmt yuv420p -c:a pcm_s16le -ac 2 -shortest "$work/clips/clip$i.mov"
done
export SPOOL_HOME="$work/home"
run() { # prints "wall cpu"
    rm -rf "$work/out"
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" \
        "$root/spool" process "$work/clips" --preset web_optimized --max-concurrent 2 --output "$work/out" --quiet --qc "$1" >/dev/null
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time.txt"
}
off_wall=() off_cpu=() quick_wall=() quick_cpu=()
for _ in $(seq "$repeats"); do
    read -r w c < <(run off); off_wall+=("$w"); off_cpu+=("$c")
    read -r w c < <(run quick); quick_wall+=("$w"); quick_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
mkdir -p "$root/bench/results"
{
    echo "bench/qc.sh on $(nproc) cores: 4 clips of ${seconds}s 720p MPEG-2 -> web_optimized, median of $repeats"
    echo "--qc off   (baseline) cpu $(median "${off_cpu[@]}") s   wall $(median "${off_wall[@]}") s"
    echo "--qc quick            cpu $(median "${quick_cpu[@]}") s   wall $(median "${quick_wall[@]}") s"
    echo "quick/off: cpu $(ratio "$(median "${quick_cpu[@]}")" "$(median "${off_cpu[@]}")") (target <= 1.03), wall $(ratio "$(median "${quick_wall[@]}")" "$(median "${off_wall[@]}")")"
    echo "cpu runs off: ${off_cpu[*]}; quick: ${quick_cpu[*]}"
} | tee "$root/bench/results/qc.txt"
