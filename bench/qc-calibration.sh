#!/usr/bin/env bash
# QC calibration (issues 11 and 12): correct encodes of hard content must pass, wrong ones must fail. Generates
# real-footage-like 2 s clips with ffmpeg (grain, film noise, fast motion, a shaky clip stabilised, a colour-corrected
# one, canvases, a damaged source) and runs them through `spool process` twice: --qc quick (SSIM measured by libx264
# on every frame it encoded, full size) and --qc full (QC's own comparison with the source: sampled frames, half
# size, lightly blurred), each with the preset's bars; a CRF 51 user preset of the grain clip must fail quick QC.
# Wrong outputs (another picture, another aspect, truncated, CRF 51) go through `spool qc` with the web_optimized
# bar. Prints the table that README.md shows: case, preset, method, SSIM, bar, expected, verdict.
# Usage: bench/qc-calibration.sh [width=320] [height=240]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
w="${1:-320}"; h="${2:-240}"
work="$root/bench/results/qc-calibration"
"$root/spool" --help >/dev/null
rm -rf "$work" && mkdir -p "$work/in" "$work/wrong"
export SPOOL_HOME="$work/home"
# Masters in 4:2:2 (as cameras and intermediates are): no preset can remux them, so every output is an encode.
gen() { ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$1" -t 2 ${2:+-vf "$2"} -c:v libx264 -preset ultrafast -crf 10 -pix_fmt yuv422p "$3"; }
gen "testsrc2=s=${w}x${h}:r=25" "noise=alls=25:allf=t" "$work/in/grain.mp4"
gen "testsrc2=s=${w}x${h}:r=25" "noise=c0s=14:c0f=t+u:c1s=6:c1f=t,eq=saturation=0.8:gamma=1.1" "$work/in/film.mp4"
gen "testsrc2=s=$((w * 2))x$((h * 2)):r=25" "crop=$w:$h:x='mod(t*600\,$w)':y='mod(t*450\,$h)',noise=alls=8:allf=t" "$work/in/motion.mp4"
gen "testsrc2=s=$((w * 3 / 2))x$((h * 3 / 2)):r=25" "crop=$w:$h:x='$((w / 4))+$((w / 8))*sin(t*23)':y='$((h / 4))+$((h / 8))*cos(t*17)'" "$work/in/shaky.mp4"
cp "$work/in/grain.mp4" "$work/in/colour.mp4"
# A damaged source: a burst of random bytes in the middle of the file (it decodes with errors).
cp "$work/in/grain.mp4" "$work/in/damaged.mp4"
size=$(stat -c %s "$work/in/damaged.mp4")
dd if=/dev/urandom of="$work/in/damaged.mp4" bs=1 seek=$((size / 2)) count=2000 conv=notrunc status=none

rows=()
report_rows() { # $1 case label, $2 output dir, $3 expected: one row per job of its batch_report.json
    python3 - "$1" "$2/summary/batch_report.json" "$3" <<'PY'
import json, sys
label, path, expected = sys.argv[1], sys.argv[2], sys.argv[3]
for job in json.load(open(path))["jobs"]:
    ssim = next((c for c in (job.get("qc") or {}).get("checks", []) if c["name"] == "ssim"), {})
    value = ssim.get("value"); bar = ssim.get("threshold")
    method = "encoder" if "libx264" in (ssim.get("detail") or "") else "comparison"
    print(f"{label}|{job['preset']}|{method}|{'-' if value is None else f'{value:.4f}'}|{'-' if bar is None else bar}|{expected}|{'pass' if job['status'] == 'succeeded' else 'FAIL (' + job['error']['category'] + ')'}")
PY
}
process() { # $1 label, $2 input, $3 presets, rest: options; once with --qc quick, once with --qc full
    local label="$1" input="$2" presets="$3" mode; shift 3
    for mode in quick full; do
        "$root/spool" process "$input" --preset "$presets" --output "$work/out-$label-$mode" --qc "$mode" "$@" >/dev/null 2>&1 || true
        mapfile -t -O "${#rows[@]}" rows < <(report_rows "$label" "$work/out-$label-$mode" pass)
    done
}
process grain "$work/in/grain.mp4" web_optimized,mobile_optimized,high_quality,fast_draft
process film-noise "$work/in/film.mp4" web_optimized,mobile_optimized
process fast-motion "$work/in/motion.mp4" web_optimized,mobile_optimized
process stabilised "$work/in/shaky.mp4" web_optimized --stabilize
process colour "$work/in/colour.mp4" web_optimized --color "brightness=0.08:contrast=1.3:saturation=1.4"
process canvas "$work/in/grain.mp4" tiktok,youtube
process damaged-source "$work/in/damaged.mp4" web_optimized
printf 'presets:\n  crf51:\n    base: web_optimized\n    crf: 51\n' > "$work/crf51.yaml"
"$root/spool" process "$work/in/grain.mp4" --preset-file "$work/crf51.yaml" --preset crf51 --output "$work/out-blocky" --qc quick >/dev/null 2>&1 || true
mapfile -t -O "${#rows[@]}" rows < <(report_rows "blocky (CRF 51 user preset)" "$work/out-blocky" fail)

qc() { # $1 label, $2 output, $3 reference, $4 expected: spool qc at the web_optimized bar
    local json; json=$("$root/spool" qc "$2" --reference "$3" --min-ssim 0.85 --json 2>/dev/null || true)
    rows+=("$(python3 - "$1" "$4" "$json" <<'PY'
import json, sys
label, expected, text = sys.argv[1], sys.argv[2], sys.argv[3]
r = json.loads(text)
s = next(c for c in r["checks"] if c["name"] == "ssim")
failed = ",".join(c["name"] for c in r["checks"] if not c["passed"])
v = "-" if s["value"] is None else "%.4f" % s["value"]
verdict = "pass" if r["passed"] else "FAIL (" + failed + ")"
print(f"{label}|spool qc|comparison|{v}|{s['threshold']}|{expected}|{verdict}")
PY
)")
}
enc() { ffmpeg -hide_banner -loglevel error -y "$@"; }
enc -f lavfi -i "mandelbrot=s=${w}x${h}:r=25" -t 2 -c:v libx264 -crf 28 -pix_fmt yuv420p "$work/wrong/other-picture.mp4"
enc -f lavfi -i "mandelbrot=s=${w}x$((w * 9 / 16 / 2 * 2)):r=25" -t 2 -c:v libx264 -crf 28 -pix_fmt yuv420p "$work/wrong/other-aspect.mp4"
enc -i "$work/in/grain.mp4" -t 1 -c:v libx264 -crf 28 "$work/wrong/truncated.mp4"
enc -i "$work/in/grain.mp4" -c:v libx264 -crf 51 "$work/wrong/crf51.mp4"
enc -i "$work/in/grain.mp4" -vf "scale=-2:$((h / 2)),pad=$w:$((h / 2)):(ow-iw)/2:0" -c:v libx264 -crf 28 "$work/wrong/padded-right.mp4"
qc "wrong picture" "$work/wrong/other-picture.mp4" "$work/in/grain.mp4" fail
qc "wrong picture, other aspect" "$work/wrong/other-aspect.mp4" "$work/in/grain.mp4" fail
qc "tiktok canvas of another source" "$work/out-canvas-full/grain/video/grain_tiktok.mp4" "$work/wrong/other-picture.mp4" fail
qc "truncated (1 of 2 s)" "$work/wrong/truncated.mp4" "$work/in/grain.mp4" fail
qc "blocky (CRF 51)" "$work/wrong/crf51.mp4" "$work/in/grain.mp4" fail
qc "stabilised vs raw source" "$work/out-stabilised-full/shaky/video/shaky_web_optimized.mp4" "$work/in/shaky.mp4" "(not judged)"
qc "right picture, pillarboxed" "$work/wrong/padded-right.mp4" "$work/in/grain.mp4" pass

printf '| case | preset | method | SSIM | bar | expected | verdict |\n|---|---|---|---|---|---|---|\n'
for row in "${rows[@]}"; do printf '| %s |\n' "${row//|/ | }"; done
