#!/usr/bin/env bash
# Customer search benchmark (issue 3): generates a large dealership, starts the app on it and
# loads the signed-in search page and a trivial signed-in page with wrk. See README.md.
#
#   bench/Customers/run.sh                 # build, generate (once), measure, stop
#   REGENERATE=1 bench/Customers/run.sh    # throw the data away and generate again
#   QUIET_LOG=1 bench/Customers/run.sh     # without Serilog's per-request line
#   BREAKDOWN=1 bench/Customers/run.sh     # also each kind of query alone (shorter runs)
#   SKIP_BUILD=1 bench/Customers/run.sh    # use the app and generator already built in bench/out
#   ROUNDS=3 DURATION=10s                  # the default: three rounds of trivial then search, 10 s each
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/Customers
OUT=${OUT:-$ROOT/bench/out/customers}
DATA=$OUT/data
PORT=${PORT:-5080}
URL=http://127.0.0.1:$PORT
DURATION=${DURATION:-10s}
# The two pages are loaded by turns, so that a machine slowing down or speeding up during the run
# (this VM's speed drifts by a fifth within minutes) weighs on both alike.
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
LOGIN=${LOGIN:-serviceadvisor}
PASSWORD='Demo#2026'
TRIVIAL=${TRIVIAL:-/Account/ChangePassword}
REGENERATE=${REGENERATE:-0}
QUIET_LOG=${QUIET_LOG:-0}
BREAKDOWN=${BREAKDOWN:-0}

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== build (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
    timeout 600 dotnet build "$HERE/Generator" -c Release -o "$OUT/generator" -v quiet -nologo
fi

if [[ $REGENERATE == 1 || ! -f $DATA/dealercrm.db || ! -f $DATA/queries.txt ]]; then
    echo "== generate into $DATA"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    # The app creates the database, the roles and the demo staff (no demo customers)...
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0 Jobs__FollowUps=false
    stop_app
    # ...then the generator fills it.
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"
else
    echo "== reusing $DATA (REGENERATE=1 to generate again)"
fi

echo "== start the app (Release, Development environment, QUIET_LOG=$QUIET_LOG)"
# The follow-up job off: its first run over this data (bench/FollowUps) would share the CPU with the search.
start_app "$OUT/app.log" Demo__Seed=false Jobs__FollowUps=false
sign_in
check "$TRIVIAL"
# Every 25th query, to catch a broken page before the load (and warm the caches).
sed -n '1~25p' "$DATA/queries.txt" | while read -r path; do check "$path"; done

: >"$OUT/results.txt"
echo "== load: $CONNECTIONS connections, $THREADS threads, $ROUNDS rounds of $DURATION per page (after $WARMUP warm-ups)"
load warmup-trivial "$WARMUP" "$TRIVIAL" >/dev/null
load warmup-search "$WARMUP" "$DATA/queries.txt" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
    load "trivial.$round" "$DURATION" "$TRIVIAL"
    load "search.$round" "$DURATION" "$DATA/queries.txt"
done
combine_rounds trivial >>"$OUT/results.txt"
combine_rounds search >>"$OUT/results.txt"
if [[ $BREAKDOWN == 1 ]]; then
    for kind in mobile4 mobile plate platetail vin6 name number; do
        load "search-$kind" "${BREAKDOWN_DURATION:-10s}" "$DATA/queries-$kind.txt"
    done
fi

# Still signed in after the runs, and the log has no errors.
check "$TRIVIAL"
stop_app
errors=$(grep -c '\[ERR\]\|\[FTL\]' "$OUT/app.log" || true)
# wrk drops its open connections when a run ends; the app logs the requests then cancelled as errors.
cancelled=$(grep -A1 '\[ERR\]' "$OUT/app.log" | grep -c 'TaskCanceledException\|OperationCanceledException' || true)
not_ok=$(grep -E 'responded [0-9]+' "$OUT/app.log" | grep -v 'POST /Account/Login responded 302' | grep -vc 'responded 200' || true)

trivial=$(grep '^trivial ' "$OUT/results.txt")
search=$(grep '^search ' "$OUT/results.txt")
ratio=$(awk -v s="$(field "$search" rps)" -v t="$(field "$trivial" rps)" 'BEGIN { printf "%.0f", 100 * s / t }')
p95=$(field "$search" p95_ms)
echo
echo "== summary"
if [[ -f $OUT/generator.log ]]; then
    grep '^SUMMARY' "$OUT/generator.log" | sed 's/^SUMMARY/generated:/'
fi
printf 'trivial page %-24s %8s req/s  p50 %6s ms  p95 %6s ms  p99 %6s ms  (app CPU %s ms/request; CPU: app %s, wrk and others %s)\n' "$TRIVIAL" \
    "$(field "$trivial" rps)" "$(field "$trivial" p50_ms)" "$(field "$trivial" p95_ms)" "$(field "$trivial" p99_ms)" "$(field "$trivial" app_cpu_ms)" "$(field "$trivial" app)" "$(field "$trivial" rest)"
printf 'search page  %-24s %8s req/s  p50 %6s ms  p95 %6s ms  p99 %6s ms  (app CPU %s ms/request; CPU: app %s, wrk and others %s)\n' "/Customers?q=..." \
    "$(field "$search" rps)" "$(field "$search" p50_ms)" "$(field "$search" p95_ms)" "$(field "$search" p99_ms)" "$(field "$search" app_cpu_ms)" "$(field "$search" app)" "$(field "$search" rest)"
cost_ratio=$(awk -v s="$(field "$search" app_cpu_ms)" -v t="$(field "$trivial" app_cpu_ms)" 'BEGIN { printf "%.0f", 100 * t / s }')
echo "search / trivial throughput: ${ratio}% (target >= 40%)   search p95: ${p95} ms (target <= 100 ms)"
echo "trivial / search app CPU per request: ${cost_ratio}% (the throughput ratio the app's own cost allows)"
for round in $(seq 1 "$ROUNDS"); do
    awk -v r="$round" -v t="$(field "$(grep "^trivial\.$round " "$OUT/results.txt")" rps)" -v s="$(field "$(grep "^search\.$round " "$OUT/results.txt")" rps)" \
        'BEGIN { printf "  round %d: trivial %.0f req/s, search %.0f req/s, %.0f%%\n", r, t, s, 100 * s / t }'
done
echo "app log: $errors error lines ($cancelled of them requests cancelled when wrk closed its connections at the end of a run);"
echo "         $not_ok request lines not 200 besides the sign-ins (QUIET_LOG=1 leaves no request lines)"
echo "CPU shares are of both cores together; wrk itself takes a part of 'wrk and others'."
echo "wrk output: $OUT/wrk-*.txt   app log: $OUT/app.log"
