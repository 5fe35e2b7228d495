#!/usr/bin/env bash
# Memory benchmark (issue 12): the published site's resident memory (VmRSS of the dotnet
# process, sampled every 5 s) through ten minutes of wrk load on bench/Customers' generated
# dealership with its follow-up tasks (bench/FollowUps), signed in as the CS director, walking
# the pages people use all day: home, customer list and searches, customer files, the queue and
# its tabs, a call page, the overview, the weekly report, the letters. Target: at most 300 MB.
#
#   bench/Memory/run.sh                 # build, generate data and tasks, load ten minutes, stop
#   REUSE_DATA=1 bench/Memory/run.sh    # keep bench/out/memory/data from the last run
#   ROUNDS=2 bench/Memory/run.sh        # shorter (rounds of 60 s)
#   APP_ENV="DOTNET_gcServer=1" bench/Memory/run.sh   # extra environment for the app, to compare settings
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out/memory}
DATA=$OUT/data
PORT=${PORT:-5083}
URL=http://127.0.0.1:$PORT
ROUNDS=${ROUNDS:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
LOGIN=${LOGIN:-csdirector}
PASSWORD='Demo#2026'
QUIET_LOG=1
QUIET_WAIT=${QUIET_WAIT:-20}
LIMIT_MB=300

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== build (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
    timeout 600 dotnet build "$ROOT/bench/Customers/Generator" -c Release -o "$OUT/generator" -v quiet -nologo
    timeout 600 dotnet build "$ROOT/bench/FollowUps/Runner" -c Release -o "$OUT/runner" -v quiet -nologo
fi

if [[ ${REUSE_DATA:-0} != 1 ]]; then
    echo "== generate into $DATA (customers, vehicles, deliveries, visits; then the follow-up tasks)"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0 Jobs__FollowUps=false
    stop_app
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"
    timeout 900 dotnet "$OUT/runner/DealerCrm.Bench.FollowUps.Runner.dll" --data "$DATA" --idle-runs 1 | tee "$OUT/runner.log"
fi

echo "== start the app (Release, jobs on)"
# shellcheck disable=SC2086
start_app "$OUT/app.log" Demo__Seed=false ${APP_ENV:-}
sign_in
start_rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOTNET_PID/status")

# The pages: a spread of customer files (ids across the table) and a call page from the queue.
{
    # / redirects the CS director to the cockpit (302), which wrk would count without loading it.
    echo /Cockpit
    echo /Customers
    echo "/Customers?q=%E7%8E%8B"
    echo "/Customers?q=138"
    echo "/Customers?p=40"
    for id in 1 7 150 2300 9100 25000 48000 77777 99000; do echo "/Customers/$id"; done
    echo /FollowUps
    echo "/FollowUps?tab=Overdue"
    echo "/FollowUps?tab=Today"
    echo "/FollowUps?tab=Upcoming&p=3"
    for tab in Overdue Today Upcoming; do
        curl -s --max-time 30 -H "Cookie: $COOKIE" "$URL/FollowUps?tab=$tab" | grep -oE 'href="/FollowUps/[0-9]+(\?[^"]*)?"' | head -1 | sed -E 's/href="([^"]*)"/\1/; s/&amp;/\&/g' || true
    done
    echo /FollowUps/Overview
    echo /FollowUps/Report
    echo /Letters/Batch
    echo /Notifications
} >"$OUT/paths.txt"
while read -r path; do check "$path"; done <"$OUT/paths.txt"

# Resident memory every 5 s while the load runs.
: >"$OUT/rss.txt"
(
    while kill -0 "$DOTNET_PID" 2>/dev/null; do
        awk -v t="$(date +%s)" '/^VmRSS/ { print t, int($2 / 1024) }' "/proc/$DOTNET_PID/status" >>"$OUT/rss.txt" || true
        sleep 5
    done
) &
SAMPLER=$!

: >"$OUT/results.txt"
echo "== load: $ROUNDS rounds of 60 s, $CONNECTIONS connections, as $LOGIN (a fresh session each round)"
for round in $(seq 1 "$ROUNDS"); do
    load "pages.$round" 60s "$OUT/paths.txt" >/dev/null
    echo "round $round: $(tail -1 "$OUT/rss.txt" | awk '{ print $2 }') MB resident"
done
kill "$SAMPLER" 2>/dev/null || true
end_rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOTNET_PID/status")
stop_app

echo
echo "== summary"
combine_rounds pages
awk -v start="$start_rss" -v end="$end_rss" -v limit="$LIMIT_MB" '
    { n++; s += $2; if ($2 > max) max = $2 }
    END { printf "resident memory: %d MB after start, %d MB peak, %d MB mean, %d MB at the end (%d samples); target <= %d MB: %s\n",
          start, max, s / n, end, n, limit, (max <= limit ? "met" : "NOT met") }' "$OUT/rss.txt"
echo "app log: $(grep -c '\[ERR\]\|\[FTL\]' "$OUT/app.log" || true) error lines; samples: $OUT/rss.txt"
