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
# the former, for a mix with fewer open cases.
originals="1 = 1"
if [[ ${ONLY_SEEDED:-0} == 1 ]]; then originals="SourceFollowUpTaskId IS NULL"; fi
seeded=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Complaints")
demo=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Complaints WHERE $originals")
if ((demo == 0)); then
    echo "The demo seeded no complaints; see $OUT/app-seed.log" >&2
    exit 1
fi
COPIES=$(((TARGET - seeded + demo - 1) / demo))

# Copies of the demo complaints, copy k moved back by ((k - 1) mod SPREAD_DAYS) days: every instant
# of the case and of its timeline moves, the received week (ISO, of the local day, Asia/Shanghai)
# and month are recomputed, the number is TS + local day + copy + row (unique, 17 characters).
# Ids are given explicitly (the tier periods' too, which the clock pauses point to). The copies
# point to no follow-up task or hot alert (those are one case's own).
shift_sql() { echo "strftime('%Y-%m-%d %H:%M:%f', $1, '-' || m.d || ' days')"; }
local_day="date(strftime('%Y-%m-%d %H:%M:%f', s.ReceivedUtc, '-' || m.d || ' days'), '+8 hours')"
iso_thursday="date($local_day, '-3 days', 'weekday 4')"
timeout 600 sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL;
CREATE TEMP TABLE n(k INTEGER PRIMARY KEY);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < $COPIES) INSERT INTO n SELECT k FROM c;
CREATE TEMP TABLE orig AS SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM Complaints WHERE $originals;
CREATE TEMP TABLE m AS
  SELECT n.k, o.r, o.Id AS OldId, (SELECT MAX(Id) FROM Complaints) + (n.k - 1) * (SELECT COUNT(*) FROM orig) + o.r AS NewId,
         (n.k - 1) % $SPREAD_DAYS AS d
  FROM n CROSS JOIN orig o;
CREATE TEMP TABLE porig AS SELECT Id, ComplaintId, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM ComplaintTierPeriods WHERE ComplaintId IN (SELECT Id FROM orig);
CREATE TEMP TABLE pm AS
  SELECT m.NewId AS ComplaintId, m.d, p.Id AS OldId,
         (SELECT MAX(Id) FROM ComplaintTierPeriods) + (m.k - 1) * (SELECT COUNT(*) FROM porig) + p.r AS NewId
  FROM m JOIN porig p ON p.ComplaintId = m.OldId;
BEGIN;
INSERT INTO Complaints (Id, Version, Number, Channel, Category, Severity, IsSafety, CustomerId, VehicleId, Description, Department,
    PromisedFeedbackUtc, ReceivedUtc, ReceivedWeek, ReceivedMonth, CreatedByName, AgentUserId, ConcernedUserId, Tier, PoolRole,
    HandlerUserId, Status, IsPaused, TierDueUtc, TierOverdue, LegalDueUtc, LegalFlagged, Attention, CustomerToldUtc, Investigation, Solution,
    CorrectiveAction, CorrectiveActionDoneUtc, CustomerResponse, CustomerAccepted, Escalations, ClosedUtc, HoursToClose, TimesClosed,
    SourceFollowUpTaskId, SourceHotAlertId, FollowUpTaskId, UpdatedUtc)
SELECT m.NewId, 0, 'TS' || strftime('%Y%m%d', $local_day) || printf('%04d%03d', m.k, m.r),
    s.Channel, s.Category, s.Severity, s.IsSafety, s.CustomerId, s.VehicleId, s.Description, s.Department,
    $(shift_sql s.PromisedFeedbackUtc), $(shift_sql s.ReceivedUtc),
    CAST(strftime('%Y', $iso_thursday) AS INTEGER) * 100 + (CAST(strftime('%j', $iso_thursday) AS INTEGER) - 1) / 7 + 1,
    CAST(strftime('%Y%m', $local_day) AS INTEGER),
    s.CreatedByName, s.AgentUserId, s.ConcernedUserId, s.Tier, s.PoolRole,
    s.HandlerUserId, s.Status, s.IsPaused, $(shift_sql s.TierDueUtc), s.TierOverdue, $(shift_sql s.LegalDueUtc), s.LegalFlagged, s.Attention,
    $(shift_sql s.CustomerToldUtc), s.Investigation, s.Solution,
    s.CorrectiveAction, $(shift_sql s.CorrectiveActionDoneUtc), s.CustomerResponse, s.CustomerAccepted, s.Escalations,
    $(shift_sql s.ClosedUtc), s.HoursToClose, s.TimesClosed,
    NULL, NULL, NULL, $(shift_sql s.UpdatedUtc)
FROM m JOIN Complaints s ON s.Id = m.OldId ORDER BY m.NewId;
INSERT INTO ComplaintTierPeriods (Id, ComplaintId, Tier, EnteredUtc, LeftUtc, ClockStartedUtc, ClockBudget)
SELECT m.NewId, m.ComplaintId, p.Tier, $(shift_sql p.EnteredUtc), $(shift_sql p.LeftUtc), $(shift_sql p.ClockStartedUtc), p.ClockBudget
FROM pm m JOIN ComplaintTierPeriods p ON p.Id = m.OldId ORDER BY m.NewId;
INSERT INTO ComplaintClockPauses (FromUtc, ToUtc, Reason, PausedBy, ResumedBy, PeriodId)
SELECT $(shift_sql c.FromUtc), $(shift_sql c.ToUtc), c.Reason, c.PausedBy, c.ResumedBy, m.NewId
FROM pm m JOIN ComplaintClockPauses c ON c.PeriodId = m.OldId ORDER BY m.NewId, c.Id;
INSERT INTO ComplaintEvents (ComplaintId, AtUtc, Kind, Tier, UserName, Detail, Note)
SELECT m.NewId, $(shift_sql e.AtUtc), e.Kind, e.Tier, e.UserName, e.Detail, e.Note
FROM m JOIN ComplaintEvents e ON e.ComplaintId = m.OldId ORDER BY m.NewId, e.Id;
INSERT INTO ComplaintRecoverySteps (ComplaintId, Step, DoneUtc, DoneBy, Note, Gift, Value)
SELECT m.NewId, x.Step, $(shift_sql x.DoneUtc), x.DoneBy, x.Note, x.Gift, x.Value
FROM m JOIN ComplaintRecoverySteps x ON x.ComplaintId = m.OldId ORDER BY m.NewId, x.Id;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}
copied=""
if [[ ${REUSE:-0} == 1 && -f $DB ]]; then
    # The last run's data as it was (the app started later migrates it, if the model changed).
    echo "REUSE=1: the data of the last run in $DATA"
else
    seed_data
    copied=" (demo $seeded, $demo of them copied $COPIES times)"
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
