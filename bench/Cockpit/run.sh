#!/usr/bin/env bash
# Cockpit benchmark (issue 16): on the bench dealership (bench/Customers' 100k customers, the
# follow-up job's first run: about 1M tasks; the demo's users, complaints and a year of surveys
# seeded on it; the complaints copied to about 20,000 cases with their timelines and the surveys
# to about 1M answers), it times
#   (a) the cockpit's aggregates for its default view (this week, as the general manager) as plain
#       SQL run directly on the SQLite file (raw.sql), against
#   (b) GET /Cockpit signed in as the general manager, counting afresh (Reports:FiguresCacheSeconds=0)
#       (target: page <= 1.5x the raw SQL), and under wrk the same way (for the record), then
#   (c) GET /Cockpit under wrk as deployed (counts reused for a minute), 16 connections (target:
#       p95 <= 150 ms), and a trivial signed-in page the same way, for scale.
# See README.md.
#
#   bench/Cockpit/run.sh                  # build, make the data, time, load, stop
#   REUSE_DATA=1 bench/Cockpit/run.sh     # keep bench/out/cockpit/data from the last run (only the measuring)
#   SKIP_BUILD=1 bench/Cockpit/run.sh     # use what is already built in bench/out/cockpit
#   COMPLAINTS=20000 ANSWERS=1000000      # complaint cases and survey answers wanted
#   ROUNDS=5 DURATION=20s WARMUP=5s       # timed rounds of each side; wrk run length
#   QUIET_WAIT=60                         # seconds to wait for a quiet machine before each wrk run (lib.sh)
#   SQL_LOG=1                             # also log EF Core's SQL for one GET /Cockpit (app-sql.log); SQL_LOG=only: just that
#   UNCACHED_LOAD=0                       # skip the wrk run counting afresh
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/Cockpit
OUT=${OUT:-$ROOT/bench/out/cockpit}
DATA=$OUT/data
PORT=${PORT:-5087}
URL=http://127.0.0.1:$PORT
LOGIN=${LOGIN:-generalmanager}
PASSWORD='Demo#2026'
QUIET_LOG=1
COMPLAINTS=${COMPLAINTS:-20000}
ANSWERS=${ANSWERS:-1000000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
# The days the complaint copies are moved back by cycle over SPREAD_DAYS (as bench/Complaints).
SPREAD_DAYS=${SPREAD_DAYS:-180}
# Every job off: the follow-up job would extend the tasks, the complaints job escalate the copied
# open cases, the others write while the page is measured.
JOBS_OFF=(Jobs__FollowUps=false Jobs__Csi=false Jobs__Complaints=false Jobs__OverdueDigest=false Jobs__Lounge=false Jobs__Backup=false)

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=../Complaints/copy.sh
source "$ROOT/bench/Complaints/copy.sh"
# shellcheck source=../Csi/copy.sh
source "$ROOT/bench/Csi/copy.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== build (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
    if [[ ${REUSE_DATA:-0} != 1 ]]; then
        timeout 600 dotnet build "$ROOT/bench/Customers/Generator" -c Release -o "$OUT/generator" -v quiet -nologo
        timeout 600 dotnet build "$ROOT/bench/FollowUps/Runner" -c Release -o "$OUT/runner" -v quiet -nologo
    fi
fi

DB=$DATA/dealercrm.db
if [[ ${REUSE_DATA:-0} == 1 && -f $DB && -f $OUT/data.txt ]]; then
    echo "== reusing $DATA (made $(head -1 "$OUT/data.txt"))"
else
    echo "== generate into $DATA (customers, vehicles, deliveries, visits; the follow-up tasks)"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    # The app creates the database, the roles and the demo users (no demo customers)...
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0 "${JOBS_OFF[@]}"
    stop_app
    # ...the generator fills it, and the follow-up job's first run makes its tasks. As a replayed
    # past (the demo's mode): at go-live the job would leave out most of three years' duties as
    # too late to serve (about 50,000 tasks, not 1M), and the cockpit's trend reads past weeks.
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"
    timeout 900 dotnet "$OUT/runner/DealerCrm.Bench.FollowUps.Runner.dll" --data "$DATA" --idle-runs 1 --replay-history | tee "$OUT/runner.log"

    echo "== the demo's complaints, surveys and lounge on the generated dealership"
    # The demo seeders that found no customers or visits the first time run now: the complaint
    # seeder lives its cases through the domain on the first generated customers, the CSI seeder
    # a year of surveys on the first generated visits and deliveries. The customer and follow-up
    # seeders skip (customers and tasks exist).
    start_app "$OUT/app-demo.log" Demo__Seed=true "${JOBS_OFF[@]}"
    stop_app

    echo "== copy complaints to about $COMPLAINTS cases and surveys to about $ANSWERS answers"
    copy_complaints "$DB" "$COMPLAINTS" "1 = 1" "$SPREAD_DAYS"
    seeded_answers=$(sqlite3 "$DB" "SELECT COUNT(*) FROM SurveyAnswers")
    if ((seeded_answers == 0)); then
        echo "The demo seeded no surveys; see $OUT/app-demo.log" >&2
        exit 1
    fi
    # Copies so that the seeded answers and their copies reach ANSWERS: ceil(ANSWERS / seeded) - 1.
    survey_copies=$(((ANSWERS - 1) / seeded_answers))
    copy_surveys "$DB" "$survey_copies"
    # The copies end with ANALYZE (for bench/Complaints and bench/Csi); the app never runs it, so a
    # dealership's database has no statistics: without them SQLite plans as it would there.
    sqlite3 "$DB" "DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4;"

    rows=$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM Customers), (SELECT COUNT(*) FROM Deliveries), (SELECT COUNT(*) FROM ServiceVisits),
        (SELECT COUNT(*) FROM FollowUpTasks), (SELECT COUNT(*) FROM Complaints), (SELECT COUNT(*) FROM Complaints WHERE Status <> 4),
        (SELECT COUNT(*) FROM ComplaintEvents), (SELECT COUNT(*) FROM Surveys), (SELECT COUNT(*) FROM SurveyAnswers), (SELECT COUNT(*) FROM HotAlerts)")
    IFS='|' read -r customers deliveries visits tasks complaints open events surveys answers alerts <<<"$rows"
    {
        date -u +%FT%TZ
        echo "customers=$customers deliveries=$deliveries visits=$visits tasks=$tasks complaints=$complaints open_complaints=$open complaint_events=$events surveys=$surveys answers=$answers hot_alerts=$alerts"
        echo "complaints: $COMPLAINTS_COPIED seeded cases copied $COMPLAINT_COPIES times; surveys: the seeded ones copied $survey_copies times"
        echo "database: $(du -m "$DB" | cut -f1) MB"
    } | tee "$OUT/data.txt"
fi

# The cockpit's default view: this week (Monday to Sunday, local days, Asia/Shanghai) and the
# trend's twelve weeks; raw.sql takes the instants as parameters (params.sql, made here).
"$HERE/params.sh" >"$OUT/params.sql"
raw_ms() {
    { cat "$OUT/params.sql"; echo ".timer on"; cat "$HERE/raw.sql"; } | sqlite3 "$DB" | awk '/^Run Time/ { s += $4 } END { printf "%.1f", s * 1000 }'
}

# results.txt keeps every run: this run's lines follow its header.
echo "== run $(date -u +%FT%TZ)" >>"$OUT/results.txt"
sed -n 2p "$OUT/data.txt" >>"$OUT/results.txt"

if [[ ${SQL_LOG:-0} == 0 ]]; then
    # The published app migrates the database first: a reused data set gains the newer indexes
    # before the raw SQL is timed.
    start_app "$OUT/app-migrate.log" Demo__Seed=false "${JOBS_OFF[@]}"
    stop_app
else
    echo "== EF Core's SQL for one GET /Cockpit (app-sql.log; the app migrates the database first)"
    start_app "$OUT/app-sql.log" Demo__Seed=false "${JOBS_OFF[@]}" Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
        Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information
    sign_in
    check /Cockpit
    stop_app
    if [[ ${SQL_LOG:-0} == only ]]; then
        exit 0
    fi
fi

echo "== raw SQL ($ROUNDS rounds after a warm-up)"
wait_quiet
raw_ms >/dev/null
raw=()
for _ in $(seq 1 "$ROUNDS"); do raw+=("$(raw_ms)"); done

echo "== the page, counting afresh (Reports:FiguresCacheSeconds=0)"
# The ratio compares the page's own work with the raw SQL's, so the counts are not reused here.
start_app "$OUT/app-uncached.log" Demo__Seed=false "${JOBS_OFF[@]}" Reports__FiguresCacheSeconds=0
sign_in
check /Cockpit
check /Account/ChangePassword
wait_quiet
page=()
for _ in $(seq 1 "$ROUNDS"); do
    page+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -H "Cookie: $COOKIE" "$URL/Cockpit" | awk '{ printf "%.1f", $1 * 1000 }')")
done
if [[ ${UNCACHED_LOAD:-1} == 1 ]]; then
    load cockpit-uncached "$DURATION" /Cockpit
fi
stop_app

echo "== load as deployed (counts reused for a minute): $CONNECTIONS connections, $THREADS threads, $DURATION (after $WARMUP warm-up)"
start_app "$OUT/app.log" Demo__Seed=false "${JOBS_OFF[@]}"
sign_in
check /Cockpit
load warmup-cockpit "$WARMUP" /Cockpit >/dev/null
load cockpit "$DURATION" /Cockpit
# For scale: a signed-in page with no query of its own, same connections, same machine state.
load trivial "$DURATION" /Account/ChangePassword
check /Cockpit
stop_app

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
raw_median=$(median "${raw[@]}")
page_median=$(median "${page[@]}")
ratio=$(awk -v p="$page_median" -v r="$raw_median" 'BEGIN { printf "%.2f", (r > 0 ? p / r : 0) }')
cockpit=$(grep '^cockpit ' "$OUT/results.txt" | tail -1)
uncached=
[[ ${UNCACHED_LOAD:-1} != 1 ]] || uncached=$(grep '^cockpit-uncached ' "$OUT/results.txt" | tail -1)
trivial=$(grep '^trivial ' "$OUT/results.txt" | tail -1)
{
    echo "$(date -u +%FT%TZ) loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "cockpit: raw_sql_ms=$raw_median (${raw[*]}) page_ms=$page_median (${page[*]}) ratio=$ratio target<=1.5"
    echo "load: /Cockpit $CONNECTIONS connections p95_ms=$(field "$cockpit" p95_ms) p50_ms=$(field "$cockpit" p50_ms) rps=$(field "$cockpit" rps) app_cpu_ms=$(field "$cockpit" app_cpu_ms) machine=$(field "$cockpit" machine) target_p95<=150"
    if [[ -n $uncached ]]; then
        echo "load, counting afresh: /Cockpit $CONNECTIONS connections p95_ms=$(field "$uncached" p95_ms) p50_ms=$(field "$uncached" p50_ms) rps=$(field "$uncached" rps) app_cpu_ms=$(field "$uncached" app_cpu_ms) socket_errors=$(field "$uncached" socket_errors)"
    fi
    echo "trivial: /Account/ChangePassword p95_ms=$(field "$trivial" p95_ms) rps=$(field "$trivial" rps) app_cpu_ms=$(field "$trivial" app_cpu_ms) (for scale)"
    echo "app logs: $(cat "$OUT/app.log" "$OUT/app-uncached.log" | grep -c '\[ERR\]\|\[FTL\]' || true) error lines"
} | tee -a "$OUT/results.txt"
