#!/usr/bin/env bash
# Follow-up engine benchmark (issue 4): on bench/Customers' generated dealership (100k customers,
# 150k deliveries over three years, 500k service visits) it times the job's first run (about
# 1M tasks), then runs with nothing new, then loads the signed-in /FollowUps queue with wrk.
# See README.md.
#
#   bench/FollowUps/run.sh                 # build, generate, time the job, load the queue, stop
#   LOGIN=salesmanager bench/FollowUps/run.sh   # another caller's queue (default: csagent)
#   SKIP_BUILD=1 bench/FollowUps/run.sh    # use what is already built in bench/out/followups
#   REUSE_DATA=1 bench/FollowUps/run.sh    # keep the data (and tasks) of the last run: only the queue's load
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/FollowUps
OUT=${OUT:-$ROOT/bench/out/followups}
DATA=$OUT/data
PORT=${PORT:-5081}
URL=http://127.0.0.1:$PORT
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
LOGIN=${LOGIN:-csagent}
PASSWORD='Demo#2026'
QUIET_LOG=${QUIET_LOG:-0}

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== build (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
    timeout 600 dotnet build "$ROOT/bench/Customers/Generator" -c Release -o "$OUT/generator" -v quiet -nologo
    timeout 600 dotnet build "$HERE/Runner" -c Release -o "$OUT/runner" -v quiet -nologo
fi

if [[ ${REUSE_DATA:-0} != 1 ]]; then
    echo "== generate into $DATA (a fresh dealership each run: the job's first run is what is timed)"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    # The app creates the database, the roles and the demo staff (no demo customers, job off)...
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0 Jobs__FollowUps=false
    stop_app
    # ...then the generator fills it.
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"

    echo "== the job: first run, then runs with nothing new"
    # The generator's 260 MB are still being written back by the kernel: time the job, not that.
    sync
    wait_quiet
    timeout 900 dotnet "$OUT/runner/DealerCrm.Bench.FollowUps.Runner.dll" --data "$DATA" --idle-runs 20 | tee "$OUT/runner.log"
fi

echo "== start the app (Release, Development environment, job on: its idle ticks run during the load)"
start_app "$OUT/app.log" Demo__Seed=false
sign_in
# The queue as its user opens it (first tab with work), each tab, and further pages of the long ones.
cat >"$OUT/queue-paths.txt" <<PATHS
/FollowUps
/FollowUps?tab=Overdue
/FollowUps?tab=Today
/FollowUps?tab=Upcoming
/FollowUps?tab=Overdue&p=2
/FollowUps?tab=Overdue&p=50
/FollowUps?tab=Upcoming&p=2
PATHS
while read -r path; do check "$path"; done <"$OUT/queue-paths.txt"
check /Account/ChangePassword

: >"$OUT/results.txt"
echo "== load: $CONNECTIONS connections, $THREADS threads, $DURATION each (after $WARMUP warm-ups), as $LOGIN"
load warmup-queue "$WARMUP" "$OUT/queue-paths.txt" >/dev/null
load trivial "$DURATION" /Account/ChangePassword
load queue "$DURATION" "$OUT/queue-paths.txt"
check /FollowUps
stop_app

queue=$(grep '^queue ' "$OUT/results.txt")
trivial=$(grep '^trivial ' "$OUT/results.txt")
echo
echo "== summary"
grep '^SUMMARY' "$OUT/generator.log" | sed 's/^SUMMARY/generated:/'
grep -E '^(files|first run|idle run)' "$OUT/runner.log"
printf 'queue page   /FollowUps (7 views)  %8s req/s  p50 %6s ms  p95 %6s ms  p99 %6s ms  (app CPU %s ms/request)\n' \
    "$(field "$queue" rps)" "$(field "$queue" p50_ms)" "$(field "$queue" p95_ms)" "$(field "$queue" p99_ms)" "$(field "$queue" app_cpu_ms)"
printf 'trivial page /Account/ChangePassword %8s req/s  p50 %6s ms  p95 %6s ms  (same run, for scale)\n' \
    "$(field "$trivial" rps)" "$(field "$trivial" p50_ms)" "$(field "$trivial" p95_ms)"
echo "targets: first run <= 30 s, idle run <= 50 ms, queue p95 <= 100 ms"
echo "app log: $(grep -c '\[ERR\]\|\[FTL\]' "$OUT/app.log" || true) error lines; wrk output: $OUT/wrk-*.txt"
