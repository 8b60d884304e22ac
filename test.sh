#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, builds, runs every test project,
# and ends with one line of its own: "Tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=scripts/deps.sh
. "$root/scripts/deps.sh"
spool_ensure_ffmpeg || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
spool_ensure_dotnet || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
spool_ensure_speech
spool_ensure_test_tools || true
spool_ensure_chromium || true

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

echo "== build"
if ! dotnet build Spool.slnx -c Release --nologo -v q >"$results/build.log" 2>&1; then
    grep -E "error|warning" "$results/build.log" | sort -u | head -40
    echo "Tests: 0 passed, 1 failed, 0 skipped"
    exit 1
fi
# The end-to-end tests drive ./spool like a user: build the launcher's CLI now, outside any test's clock.
./spool --help >/dev/null || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

echo "== test"
dotnet test Spool.slnx -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results/test.log" \
    | grep -E -A2 "^\s*(Failed|Skipped) |Total tests|Test Run|error CS|error MSB"
status=${PIPESTATUS[0]}

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$(get total); done_=$(get executed); p=$(get passed); f=$(get failed)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${total:-0} - ${done_:-0}))
done
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
    echo "test.sh: only $files of $projects test projects reported results (a test host crashed?)" >&2
    failed=$((failed + projects - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "test.sh: dotnet test exited $status" >&2
    failed=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
