#!/usr/bin/env bash
# Batch throughput against GNU parallel (issue 12; not part of ./test.sh). Every figure is a ratio of wall times
# measured in this run, on this machine, median of N, the runs of a case interleaved so load hits both sides alike.
# The baseline runs Spool's own encode commands (taken from the job logs of a warm-up run: the very same ffmpeg
# settings) through `parallel -j J`, J being the concurrency Spool chose; one more line compares Spool with a plain
# one-liner at ffmpeg's default threads, what a user would actually type.
#   1. six equal 720p clips -> web_optimized, defaults (quick QC on)                     target <= 1.05
#   2. the same clips -> web_optimized, mobile_optimized, fast_draft (parallel: 3 runs a clip) <= 0.85
#   3. one 3-minute 720p clip plus eight 8 s clips -> web_optimized                      <= 0.75
#   4. thirty tiny clips (1 s, 320x240) -> web_optimized                                 <= 1.5
#   5. case 1 run a second time on the same folders (nothing changed)                    <= 0.05 of the first
#   6. a source that already fits web_optimized, against encoding it (20 s, and 3 minutes)  <= 0.05
# The sources are MPEG-2 (camcorder and broadcast masters): no preset can take them as they are, so every case but 6
# encodes. Usage: bench/batch.sh [repeats=3] [scale=1]   (scale 0.5 halves every clip's length, for a quick look)
# BENCH_CASES="tiny fits" runs only those of: six three mixed tiny again fits fitslong (a case not run prints no figure).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
scale="${2:-1}"
work="$root/bench/results/batch-work"
out="$root/bench/results/batch.txt"
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg
command -v parallel >/dev/null 2>&1 || spool_apt_install parallel
spool="$root/spool"
"$spool" --help >/dev/null   # build the CLI outside the clock
export SPOOL_HOME="$work/home"
unset SPOOL_STORE

secs() { awk -v s="$1" -v k="$scale" 'BEGIN {v = s * k; printf "%.2f", (v < 1 ? 1 : v)}'; }
# A camera-like master: moving test pattern with a little sensor noise, MPEG-2 at a high rate, 48 kHz stereo PCM.
master() { # $1 path, $2 seconds, $3 size, $4 tone
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=$3:rate=30:duration=$2" \
        -f lavfi -i "sine=frequency=$4:duration=$2:sample_rate=48000" -vf "noise=alls=6:allf=t" \
        -c:v mpeg2video -q:v 3 -pix_fmt yuv420p -c:a pcm_s16le -ac 2 -shortest "$1"
}
rm -rf "$work" && mkdir -p "$work/six" "$work/mixed" "$work/tiny" "$work/fits"
for i in 1 2 3 4 5 6; do master "$work/six/clip$i.mov" "$(secs 10)" 1280x720 $((200 * i)); done
master "$work/mixed/long.mov" "$(secs 180)" 1280x720 300
for i in 1 2 3 4 5 6 7 8; do master "$work/mixed/short$i.mov" "$(secs 8)" 1280x720 $((100 * i)); done
for i in $(seq 1 30); do master "$work/tiny/t$i.mov" 1 320x240 $((100 + 10 * i)); done
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$(secs 20)" \
    -f lavfi -i "sine=frequency=440:duration=$(secs 20)" -c:v libx264 -preset veryfast -crf 23 -maxrate 2M -bufsize 4M -pix_fmt yuv420p \
    -c:a aac -b:a 96k -ac 2 -movflags +faststart "$work/fits/ready.mp4"
if [[ " ${BENCH_CASES:-fitslong} " == *" fitslong "* ]]; then
    mkdir -p "$work/fitslong"
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$(secs 180)" \
        -f lavfi -i "sine=frequency=440:duration=$(secs 180)" -c:v libx264 -preset veryfast -crf 23 -maxrate 2M -bufsize 4M \
        -pix_fmt yuv420p -c:a aac -b:a 96k -ac 2 -movflags +faststart "$work/fitslong/ready.mp4"
fi

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.3f\n", b - a}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

failures=()
spool_run() { # $1 input folder or file, $2 output, $3 presets, rest: options; a failed batch is noted, not fatal
    local input="$1" output="$2" presets="$3"; shift 3
    "$spool" process "$input" --preset "$presets" --output "$output" --quiet "$@" >/dev/null 2>&1 \
        || failures+=("spool process $input --preset $presets $* exited $?")
}
# The concurrency Spool chose for a batch, from its processing metrics (the peak of jobs running at once).
concurrency() {
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(max(1, int(m.get("max_concurrent") or m.get("peak_concurrency") or 0) or 2))' \
        "$1/summary/processing_metrics.json" 2>/dev/null || nproc
}
# Spool's own encode command for every job of a finished batch (its output and the report thumbnail it writes),
# rewritten to write into $2: one script per job.
commands_of() { # $1 spool output, $2 baseline output, $3 script folder
    rm -rf "$3" && mkdir -p "$3" "$2"
    local n=0 log line
    while IFS= read -r log; do
        line=$(grep -m1 '^ffmpeg ' "$log") || continue
        n=$((n + 1))
        printf '%s\n' "$line" | sed -E "s#file:[^ ']*/([^/ ']+)\\.partial-[0-9]+-[0-9]+\\.(mp4|jpg)#file:$2/\\1.$n.\\2#g" > "$3/job$n.sh"
    done < <(find "$1" -path '*/metadata/*.log' | sort)
}
parallel_run() { # $1 script folder, $2 jobs at once
    parallel -j "$2" 'bash {} >/dev/null 2>&1' ::: "$1"/*.sh || failures+=("parallel on $1 exited $?")
}
# The plain one-liner a user would type for web_optimized: ffmpeg's own threading, two at a time.
oneliner() { # $1 folder, $2 output, $3 jobs
    rm -rf "$2" && mkdir -p "$2"
    parallel -j "$3" ffmpeg -hide_banner -loglevel error -y -i {} -vf "scale=1280:720,format=yuv420p" -c:v libx264 \
        -preset medium -crf 28 -c:a aac -b:a 96k -ac 2 -movflags +faststart "$2/{/.}.mp4" ::: "$1"/*
}

declare -A figure
case_pair() { # $1 name, $2 input, $3 presets, $4 spool options (one string)
    local name="$1" input="$2" presets="$3" options="$4" jobs s p t0
    # Warm-up: Spool's commands and chosen concurrency, outside the clock.
    rm -rf "$work/out-$name"
    # shellcheck disable=SC2086
    spool_run "$input" "$work/out-$name" "$presets" $options
    jobs=$(concurrency "$work/out-$name")
    if [ "$name" = mixed ]; then
        # parallel replays whole-file encodes: Spool's own commands from a run that does not chunk.
        rm -rf "$work/whole-$name"
        # shellcheck disable=SC2086
        spool_run "$input" "$work/whole-$name" "$presets" $options --chunk off
        commands_of "$work/whole-$name" "$work/base-$name" "$work/scripts-$name"
    elif [ "$name" = three ]; then
        # parallel runs one command per clip and preset: Spool's own single-preset commands.
        rm -rf "$work/scripts-three" && mkdir -p "$work/scripts-three"
        for preset in ${presets//,/ }; do
            rm -rf "$work/one-$preset"
            spool_run "$input" "$work/one-$preset" "$preset" --qc off
            commands_of "$work/one-$preset" "$work/base-$name" "$work/scripts-$preset"
            for f in "$work/scripts-$preset"/*.sh; do cp "$f" "$work/scripts-three/$preset-$(basename "$f")"; done
        done
    else
        commands_of "$work/out-$name" "$work/base-$name" "$work/scripts-$name"
    fi
    s=(); p=()
    for _ in $(seq "$repeats"); do
        rm -rf "$work/out-$name" "$work/base-$name"; mkdir -p "$work/base-$name"
        t0=$(now); parallel_run "$work/scripts-$name" "$jobs"; p+=("$(elapsed "$t0")")
        # shellcheck disable=SC2086
        t0=$(now); spool_run "$input" "$work/out-$name" "$presets" $options; s+=("$(elapsed "$t0")")
    done
    figure[$name-spool]=$(printf '%s\n' "${s[@]}" | median)
    figure[$name-parallel]=$(printf '%s\n' "${p[@]}" | median)
    figure[$name-jobs]=$jobs
}

cases=" ${BENCH_CASES:-six three mixed tiny again fits fitslong} "
want() { [[ "$cases" == *" $1 "* ]]; }
want six && case_pair six "$work/six" web_optimized ""
want three && case_pair three "$work/six" web_optimized,mobile_optimized,fast_draft ""
want mixed && case_pair mixed "$work/mixed" web_optimized ""
want tiny && case_pair tiny "$work/tiny" web_optimized ""

# The one-liner, on the six clips.
if want six; then
    o=(); for _ in $(seq "$repeats"); do t0=$(now); oneliner "$work/six" "$work/oneliner" "${figure[six-jobs]}"; o+=("$(elapsed "$t0")"); done
    figure[oneliner]=$(printf '%s\n' "${o[@]}" | median)
fi

# A second run of an unchanged batch, against its first run.
if want again; then
first=(); second=()
for _ in $(seq "$repeats"); do
    rm -rf "$work/again"
    t0=$(now); spool_run "$work/six" "$work/again" web_optimized; first+=("$(elapsed "$t0")")
    t0=$(now); spool_run "$work/six" "$work/again" web_optimized; second+=("$(elapsed "$t0")")
done
figure[again-first]=$(printf '%s\n' "${first[@]}" | median)
figure[again-second]=$(printf '%s\n' "${second[@]}" | median)
fi

# A source that already fits web_optimized: Spool (remux) against encoding it with the same settings.
fits_case() { # $1 case name, $2 folder holding ready.mp4
    local name="$1" folder="$2" fit=() enc=() t0
    rm -rf "$work/out-$name-enc" && spool_run "$folder" "$work/out-$name-enc" web_optimized --qc off
    for _ in $(seq "$repeats"); do
        rm -rf "$work/out-$name" "$work/$name-enc" && mkdir -p "$work/$name-enc"
        t0=$(now)
        ffmpeg -hide_banner -loglevel error -y -i "$folder/ready.mp4" -c:v libx264 -preset medium -crf 28 -profile:v high \
            -pix_fmt yuv420p -c:a aac -b:a 96k -ac 2 -movflags +faststart "$work/$name-enc/ready.mp4"
        enc+=("$(elapsed "$t0")")
        t0=$(now); spool_run "$folder" "$work/out-$name" web_optimized; fit+=("$(elapsed "$t0")")
    done
    figure[$name-spool]=$(printf '%s\n' "${fit[@]}" | median)
    figure[$name-encode]=$(printf '%s\n' "${enc[@]}" | median)
    figure[$name-method]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["jobs"][0].get("method", "?"))' "$work/out-$name/summary/batch_report.json" 2>/dev/null || echo "?")
}
want fits && fits_case fits "$work/fits"
want fitslong && fits_case fitslong "$work/fitslong"

row() { # label, spool, baseline, target; a case not run prints nothing
    [ -n "$2" ] && [ -n "$3" ] || return 0
    printf '| %s | %s s | %s s | %s | %s |\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"
}
mkdir -p "$root/bench/results"
{
    echo "bench/batch.sh on $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3), median of $repeats, clip lengths x$scale"
    echo
    echo "| case | spool | baseline | ratio | target |"
    echo "|---|---|---|---|---|"
    row "six 720p clips, web_optimized, defaults (parallel -j ${figure[six-jobs]:-})" "${figure[six-spool]:-}" "${figure[six-parallel]:-}" "<= 1.05"
    row "three presets a clip (parallel: 3 runs a clip)" "${figure[three-spool]:-}" "${figure[three-parallel]:-}" "<= 0.85"
    row "3-minute clip + eight 8 s clips" "${figure[mixed-spool]:-}" "${figure[mixed-parallel]:-}" "<= 0.75"
    row "thirty tiny clips" "${figure[tiny-spool]:-}" "${figure[tiny-parallel]:-}" "<= 1.5"
    row "second run of an unchanged batch (vs its first)" "${figure[again-second]:-}" "${figure[again-first]:-}" "<= 0.05"
    row "20 s source that fits web_optimized (method: ${figure[fits-method]:-}) vs encoding it" "${figure[fits-spool]:-}" "${figure[fits-encode]:-}" "<= 0.05"
    row "3-minute source that fits web_optimized (method: ${figure[fitslong-method]:-}) vs encoding it" "${figure[fitslong-spool]:-}" "${figure[fitslong-encode]:-}" "<= 0.05"
    row "six clips against a plain one-liner, ffmpeg's own threads" "${figure[six-spool]:-}" "${figure[oneliner]:-}" "(for reference)"
    for failure in "${failures[@]}"; do echo "FAILED: $failure"; done
} | tee "$out"
