#!/usr/bin/env bash
# Complaints benchmark (issue 13): the demo dealership's complaints copied, with their timelines
# (tier periods, clock pauses, events including the notices, recovery steps), until there are
# about TARGET cases spread over the last months; then
#   (a) the analysis page's aggregates (ComplaintFigures, default view: the last 12 weeks by week, the
#       first page of the corrective actions) as plain SQL run directly on the SQLite file, against
#   (b) GET /Complaints/Analysis signed in as the CS director (target: page <= 1.5x the raw SQL),
#   (c) GET /Complaints (the list, open cases) under wrk, 16 connections (target: p95 <= 100 ms),
#       and a trivial signed-in page the same way, for scale.
# See README.md.
#
#   bench/Complaints/run.sh               # build, seed, copy complaints, time, load, stop
#   SKIP_BUILD=1 bench/Complaints/run.sh  # use what is already built in bench/out/complaints
#   TARGET=20000 ROUNDS=5 DURATION=20s    # cases wanted; timed rounds of each side; wrk run length
#   ONLY_SEEDED=1                         # copy only the complaint seeder's cases (not the backfilled calls)
#   QUIET_WAIT=60                         # seconds to wait for a quiet machine before each wrk run (lib.sh)
#   REUSE=1                               # keep the seeded and copied database of the last run in $OUT/data
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out/complaints}
DATA=$OUT/data
PORT=${PORT:-5086}
URL=http://127.0.0.1:$PORT
LOGIN=${LOGIN:-csdirector}
PASSWORD='Demo#2026'
QUIET_LOG=1
TARGET=${TARGET:-20000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
# The days the copies are moved back by cycle over SPREAD_DAYS (the demo's own cases span 8 weeks).
SPREAD_DAYS=${SPREAD_DAYS:-180}
# Jobs off: the complaints job would escalate the copied open cases while they are measured.
JOBS_OFF=(Jobs__FollowUps=false Jobs__Csi=false Jobs__Complaints=false Jobs__OverdueDigest=false)

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=copy.sh
source "$ROOT/bench/Complaints/copy.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
fi

DB=$DATA/dealercrm.db
# seed_data: the demo dealership seeded, then its complaints copied (below); skipped with REUSE=1.
seed_data() {
rm -rf "$DATA"
mkdir -p "$DATA"
start_app "$OUT/app-seed.log" Demo__Seed=true "${JOBS_OFF[@]}"
stop_app

# The demo's complaints: the complaint seeder's cases, and (at start-up) the unhappy follow-up calls
# of the demo made complaints, open at tier 1 (SourceFollowUpTaskId set). ONLY_SEEDED=1 copies only
# the former, for a mix with fewer open cases. Copied in SQL (copy.sh, shared with bench/Cockpit).
originals="1 = 1"
if [[ ${ONLY_SEEDED:-0} == 1 ]]; then originals="SourceFollowUpTaskId IS NULL"; fi
copy_complaints "$DB" "$TARGET" "$originals" "$SPREAD_DAYS"
}
copied=""
if [[ ${REUSE:-0} == 1 && -f $DB ]]; then
    # The last run's data as it was (the app started later migrates it, if the model changed).
    echo "REUSE=1: the data of the last run in $DATA"
else
    seed_data
    copied=" (demo $COMPLAINTS_BEFORE, $COMPLAINTS_COPIED of them copied $COMPLAINT_COPIES times)"
fi
counts() { sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM Complaints), (SELECT COUNT(*) FROM ComplaintEvents), (SELECT COUNT(*) FROM ComplaintTierPeriods), (SELECT COUNT(*) FROM ComplaintClockPauses), (SELECT COUNT(*) FROM ComplaintRecoverySteps), (SELECT COUNT(*) FROM Complaints WHERE Status <> 4)"; }
IFS='|' read -r complaints events periods pauses recovery open <<<"$(counts)"
echo "complaints=$complaints$copied open=$open events=$events tier_periods=$periods pauses=$pauses recovery_steps=$recovery"

# The analysis page's default view: the last 12 weeks to today (local days, Asia/Shanghai), by week;
# the range is [start of the first day, start of the day after today) in UTC, as the page computes it.
today=$(TZ=Asia/Shanghai date +%F)
from_utc=$(date -u -d "TZ=\"Asia/Shanghai\" $(date -d "$today -84 days" +%F) 00:00" +'%Y-%m-%d %H:%M:%S')
to_utc=$(date -u -d "TZ=\"Asia/Shanghai\" $(date -d "$today +1 day" +%F) 00:00" +'%Y-%m-%d %H:%M:%S')
range="ReceivedUtc >= '$from_utc' AND ReceivedUtc < '$to_utc'"
in_range=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Complaints WHERE $range")
closed=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Complaints WHERE $range AND HoursToClose IS NOT NULL")
# Nearest-rank 90th percentile, as ComplaintFigures: the ceil(0.9 n)-th smallest (its count is the summary's).
rank=$(((9 * closed + 9) / 10))
((rank >= 1)) || rank=1

# The same aggregates as ComplaintFigures (summary, p90, the four breakdowns by week) and the first page of the
# corrective actions (the page shows ACTION_PAGE, 25, a page; their total is the summary's count).
ACTION_PAGE=${ACTION_PAGE:-25}
cat >"$OUT/raw.sql" <<SQL
.timer on
SELECT COUNT(*), SUM(HoursToClose IS NOT NULL), AVG(HoursToClose), SUM(Escalations > 0), SUM(CorrectiveAction IS NOT NULL),
       SUM(CorrectiveActionDoneUtc IS NOT NULL) FROM Complaints WHERE $range;
SELECT HoursToClose FROM Complaints WHERE $range AND HoursToClose IS NOT NULL ORDER BY HoursToClose LIMIT 1 OFFSET $((rank - 1));
SELECT ReceivedWeek, Category, COUNT(*) FROM Complaints WHERE $range GROUP BY ReceivedWeek, Category ORDER BY 1, 2;
SELECT ReceivedWeek, Department, COUNT(*) FROM Complaints WHERE $range GROUP BY ReceivedWeek, Department ORDER BY 1, 2;
SELECT ReceivedWeek, Tier, COUNT(*) FROM Complaints WHERE $range GROUP BY ReceivedWeek, Tier ORDER BY 1, 2;
SELECT ReceivedWeek, Channel, COUNT(*) FROM Complaints WHERE $range GROUP BY ReceivedWeek, Channel ORDER BY 1, 2;
SELECT Id, Number, ReceivedUtc, Category, Department, CorrectiveAction, CorrectiveActionDoneUtc FROM Complaints
 WHERE $range AND CorrectiveAction IS NOT NULL ORDER BY ReceivedUtc DESC, Id DESC LIMIT $ACTION_PAGE;
SQL

# "elapsed cpu" in ms: sqlite3's real time and its user + system CPU time, summed over the statements.
raw_ms() {
    sqlite3 "$DB" <"$OUT/raw.sql" | awk '/^Run Time/ { s += $4; c += $6 + $8 } END { printf "%.1f %.1f", s * 1000, c * 1000 }'
}
raw_ms >/dev/null
raw=()
raw_cpu=()
for _ in $(seq 1 "$ROUNDS"); do
    read -r elapsed cpu <<<"$(raw_ms)"
    raw+=("$elapsed")
    raw_cpu+=("$cpu")
done

# results.txt keeps every run: this run's lines follow its header.
echo "== run $(date -u +%FT%TZ)" >>"$OUT/results.txt"
start_app "$OUT/app.log" Demo__Seed=false "${JOBS_OFF[@]}"
sign_in
check /Complaints/Analysis
check /Complaints
# Both sides warm: the raw SQL ran once before its rounds; the page is loaded for WARMUP first, so the
# rounds time the JIT's optimized code, not its first tier.
CONNECTIONS=1 THREADS=1 load warmup-analysis "$WARMUP" /Complaints/Analysis >/dev/null
page=()
for _ in $(seq 1 "$ROUNDS"); do
    page+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -H "Cookie: $COOKIE" "$URL/Complaints/Analysis" | awk '{ printf "%.1f", $1 * 1000 }')")
done

# The analysis page's CPU time per request (one connection), which contention disturbs less than its
# latency: set against the raw SQL's CPU time, both sides' cost without the waits for a CPU.
CONNECTIONS=1 THREADS=1 load analysis "$DURATION" /Complaints/Analysis

load warmup-list "$WARMUP" /Complaints >/dev/null
load list "$DURATION" /Complaints
# For scale: a signed-in page with no query of its own, same connections, same machine state.
load trivial "$DURATION" /Account/ChangePassword
check /Complaints
stop_app

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
raw_median=$(median "${raw[@]}")
page_median=$(median "${page[@]}")
ratio=$(awk -v p="$page_median" -v r="$raw_median" 'BEGIN { printf "%.2f", (r > 0 ? p / r : 0) }')
raw_cpu_median=$(median "${raw_cpu[@]}")
analysis=$(grep '^analysis ' "$OUT/results.txt" | tail -1)
page_cpu=$(field "$analysis" app_cpu_ms)
cpu_ratio=$(awk -v p="$page_cpu" -v r="$raw_cpu_median" 'BEGIN { printf "%.2f", (r > 0 ? p / r : 0) }')
list=$(grep '^list ' "$OUT/results.txt" | tail -1)
trivial=$(grep '^trivial ' "$OUT/results.txt" | tail -1)
{
    echo "$(date -u +%FT%TZ) complaints=$complaints open=$open in_default_view=$in_range closed_in_view=$closed events=$events tier_periods=$periods pauses=$pauses recovery_steps=$recovery"
    echo "analysis: raw_sql_ms=$raw_median (${raw[*]}) page_ms=$page_median (${page[*]}) ratio=$ratio target<=1.5"
    echo "analysis_cpu: raw_sql_cpu_ms=$raw_cpu_median (${raw_cpu[*]}) page_app_cpu_ms=$page_cpu cpu_ratio=$cpu_ratio (1 connection, $(field "$analysis" rps) rps)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "list: /Complaints $CONNECTIONS connections p95_ms=$(field "$list" p95_ms) p50_ms=$(field "$list" p50_ms) rps=$(field "$list" rps) app_cpu_ms=$(field "$list" app_cpu_ms) target_p95<=100"
    echo "trivial: /Account/ChangePassword p95_ms=$(field "$trivial" p95_ms) rps=$(field "$trivial" rps) app_cpu_ms=$(field "$trivial" app_cpu_ms) (for scale)"
} | tee -a "$OUT/results.txt"
