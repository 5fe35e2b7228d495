#!/usr/bin/env bash
# CSI dashboard benchmark (issue 15): the demo dealership's year of surveys copied until the
# survey answers pass 1M, then /Csi (every figure, rendered) timed against the raw SQL of the same
# aggregates run directly on the SQLite file. Target: dashboard <= 1.5x the raw SQL. See README.md.
#
#   bench/Csi/run.sh              # build, seed, copy surveys, time, stop
#   SKIP_BUILD=1 bench/Csi/run.sh # use what is already built in bench/out/csi
#   COPIES=120 ROUNDS=5           # copies of the demo surveys; timed rounds of each side
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out/csi}
DATA=$OUT/data
PORT=${PORT:-5085}
URL=http://127.0.0.1:$PORT
LOGIN=${LOGIN:-csdirector}
PASSWORD='Demo#2026'
QUIET_LOG=1
COPIES=${COPIES:-120}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=1
THREADS=1

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
# shellcheck source=copy.sh
source "$ROOT/bench/Csi/copy.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
fi

DB=$DATA/dealercrm.db
rm -rf "$DATA"
mkdir -p "$DATA"
start_app "$OUT/app-seed.log" Demo__Seed=true Jobs__FollowUps=false Jobs__Csi=false
stop_app

# Copies of the demo surveys with their answers and factor scores (copy.sh, shared with bench/Cockpit).
copy_surveys "$DB" "$COPIES"
answers=$(sqlite3 "$DB" "SELECT COUNT(*) FROM SurveyAnswers")
surveys=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Surveys")
echo "surveys=$surveys answers=$answers"

# The dashboard's period: the twelve local months up to this one (Asia/Shanghai).
to=$(TZ=Asia/Shanghai date +%Y%m)
from=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -11 months" +%Y%m)
now=$(date -u +'%Y-%m-%d %H:%M:%S')

# The same aggregates as CsiFigures (CSI program, the period), as plain SQL.
cat >"$OUT/raw.sql" <<SQL
.timer on
SELECT TakenMonth, COUNT(*), AVG(IndexPoints), SUM(LowestScore > 6) FROM Surveys
 WHERE Program = 1 AND IsComplete = 1 AND TakenMonth BETWEEN $from AND $to GROUP BY TakenMonth;
SELECT f.FactorCode, COUNT(*), AVG(f.Score) FROM SurveyFactorScores f JOIN Surveys s ON s.Id = f.SurveyId
 WHERE s.Program = 1 AND s.IsComplete = 1 AND s.TakenMonth BETWEEN $from AND $to GROUP BY f.FactorCode;
SELECT StaffUserId, COUNT(*), AVG(IndexPoints) FROM Surveys
 WHERE Program = 1 AND IsComplete = 1 AND TakenMonth BETWEEN $from AND $to GROUP BY StaffUserId;
SELECT a.QuestionId, COUNT(*), AVG(a.Score), AVG(a.Score * a.Score) FROM SurveyAnswers a JOIN Surveys s ON s.Id = a.SurveyId
 WHERE s.Program = 1 AND s.TakenMonth BETWEEN $from AND $to AND a.Score IS NOT NULL GROUP BY a.QuestionId;
SELECT COUNT(*), SUM(DueUtc < '$now') FROM HotAlerts WHERE Program = 1 AND Status = 0;
SELECT * FROM (SELECT s.CustomerId, c.Name, s.AvgIndex, s.Surveys,
       COALESCE((SELECT SUM(d.Price) FROM Deliveries d WHERE d.CustomerId = s.CustomerId), 0)
     + COALESCE((SELECT SUM(v.Amount) FROM ServiceVisits v WHERE v.CustomerId = s.CustomerId), 0) AS ValueFen
  FROM (SELECT CustomerId, AVG(IndexPoints) AS AvgIndex, COUNT(*) AS Surveys FROM Surveys
        WHERE Program = 1 AND IsComplete = 1 AND TakenMonth >= $from AND TakenMonth <= $to GROUP BY CustomerId) s
  JOIN Customers c ON c.Id = s.CustomerId) q
 ORDER BY CASE WHEN q.AvgIndex < 930 AND q.ValueFen >= 30000000 THEN 0 ELSE 1 END, q.ValueFen DESC, q.AvgIndex LIMIT 300;
SQL

raw_ms() {
    sqlite3 "$DB" <"$OUT/raw.sql" | awk '/^Run Time/ { s += $4 } END { printf "%d", s * 1000 }'
}
raw_ms >/dev/null
raw=()
for _ in $(seq 1 "$ROUNDS"); do raw+=("$(raw_ms)"); done

start_app "$OUT/app.log" Demo__Seed=false Jobs__FollowUps=false Jobs__Csi=false
sign_in
check /Csi
page=()
for _ in $(seq 1 "$ROUNDS"); do
    page+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -H "Cookie: $COOKIE" "$URL/Csi" | awk '{ printf "%d", $1 * 1000 }')")
done
stop_app

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
raw_median=$(median "${raw[@]}")
page_median=$(median "${page[@]}")
ratio=$(awk -v p="$page_median" -v r="$raw_median" 'BEGIN { printf "%.2f", (r > 0 ? p / r : 0) }')
line="$(date -u +%FT%TZ) surveys=$surveys answers=$answers raw_sql_ms=$raw_median (${raw[*]}) dashboard_ms=$page_median (${page[*]}) ratio=$ratio target<=1.5"
echo "$line" | tee -a "$OUT/results.txt"
