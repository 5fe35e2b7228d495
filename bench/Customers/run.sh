#!/usr/bin/env bash
# Customer search benchmark (issue 3): generates a large dealership, starts the app on it and
# loads the signed-in search page and a trivial signed-in page with wrk. See README.md.
#
#   bench/Customers/run.sh                 # build, generate (once), measure, stop
#   REGENERATE=1 bench/Customers/run.sh    # throw the data away and generate again
#   QUIET_LOG=1 bench/Customers/run.sh     # without Serilog's per-request line
#   BREAKDOWN=1 bench/Customers/run.sh     # also each kind of query alone (shorter runs)
#   SKIP_BUILD=1 bench/Customers/run.sh    # use the app and generator already built in bench/out
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
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
LOGIN=${LOGIN:-serviceadvisor}
PASSWORD='Demo#2026'
TRIVIAL=${TRIVIAL:-/Account/ChangePassword}
REGENERATE=${REGENERATE:-0}
QUIET_LOG=${QUIET_LOG:-0}
BREAKDOWN=${BREAKDOWN:-0}

# field LINE NAME: the value of NAME=value in LINE.
field() { sed -E "s/.*[ ^]$2=([^ ]*).*/\1/" <<<" $1"; }

APP_PID=
DOTNET_PID=
stop_app() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
    DOTNET_PID=
}
trap stop_app EXIT

# cpu_snapshot: "busy total app" in clock ticks (/proc/stat sums all CPUs; app = the dotnet process).
cpu_snapshot() {
    local _cpu user nice system idle iowait irq softirq steal app=0
    read -r _cpu user nice system idle iowait irq softirq steal _ </proc/stat
    if [[ -n $DOTNET_PID && -r /proc/$DOTNET_PID/stat ]]; then
        app=$(sed -E 's/^.*\) //' "/proc/$DOTNET_PID/stat" | awk '{ print $12 + $13 }')
    fi
    echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal)) $app"
}

# cpu_share BEFORE AFTER REQUESTS: "machine=..% app=..% rest=..% app_cpu_ms=.." between two snapshots:
# shares of all CPUs (rest = wrk and everything else), and the app's CPU time per request, which
# other work on the machine disturbs far less than the throughput.
cpu_share() {
    awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(a, x, " "); split(b, y, " "); t = y[2] - x[2]; if (t <= 0) t = 1; if (n <= 0) n = 1
        m = 100 * (y[1] - x[1]) / t; p = 100 * (y[3] - x[3]) / t
        printf "machine=%.0f%% app=%.0f%% rest=%.0f%% app_cpu_ms=%.2f", m, p, m - p, 1000 * (y[3] - x[3]) / hz / n }'
}

# wait_quiet: waits (up to QUIET_WAIT seconds) until other processes use under 15% of the CPUs,
# since other work on a 2-core machine skews the figures; goes on with a warning after that.
wait_quiet() {
    local waited=0 before after busy
    while true; do
        before=$(cpu_snapshot)
        sleep 3
        after=$(cpu_snapshot)
        busy=$(awk -v a="$before" -v b="$after" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[2] - x[2]; if (t <= 0) t = 1; printf "%d", 100 * ((y[1] - x[1]) - (y[3] - x[3])) / t }')
        if ((busy < 15)); then
            return 0
        fi
        if ((waited >= ${QUIET_WAIT:-180})); then
            echo "warning: other processes keep ${busy}% of the CPUs busy; measuring anyway" >&2
            return 0
        fi
        waited=$((waited + 3))
    done
}

# start_app LOGFILE [VAR=value...]: the published app on 127.0.0.1:$PORT against $DATA.
# Development: the auth cookie is SameAsRequest there (Secure everywhere else), so it works over http.
start_app() {
    local log=$1
    shift
    if curl -s -o /dev/null --max-time 2 "$URL/health"; then
        echo "Something already listens on $URL; stop it or set PORT." >&2
        exit 1
    fi
    local quiet=()
    if [[ $QUIET_LOG == 1 ]]; then
        quiet=("Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning")
    fi
    # Started under a name of its own (links to DealerCrm.Web.*), so that a colleague's script
    # stopping their DealerCrm.Web by name on this shared machine leaves the benchmark alone.
    local name
    for name in dll runtimeconfig.json deps.json; do
        ln -sf "DealerCrm.Web.$name" "$OUT/app/crm-bench-app.$name"
    done
    (cd "$OUT/app" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" DataDirectory="$DATA" \
        "${quiet[@]}" "$@" timeout 1800 dotnet crm-bench-app.dll) >"$log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/health" || true) == 200 ]]; then
            DOTNET_PID=$(pgrep -P "$APP_PID" | head -1 || true)
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "The app stopped; see $log" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "The app did not answer /health within 60 s; see $log" >&2
    exit 1
}

# sign_in: a fresh session (GET the login form for the antiforgery token and cookie, POST it);
# sets COOKIE to the Cookie header a browser would send (auth and antiforgery cookies).
# A fresh session before each run: the security stamp is re-validated a minute after sign-in,
# and wrk would not pick up the renewed cookie.
sign_in() {
    local jar=$OUT/cookies.txt token status
    rm -f "$jar"
    token=$(curl -s --max-time 10 -c "$jar" -b "$jar" "$URL/Account/Login" |
        grep -o '<input[^>]*__RequestVerificationToken[^>]*>' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/')
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -c "$jar" -b "$jar" \
        --data-urlencode "Input.Login=$LOGIN" --data-urlencode "Input.Password=$PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login")
    COOKIE=$(awk -F'\t' '$6 ~ /^DealerCrm\./ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
    if [[ $status != 302 || $COOKIE != *DealerCrm.Auth=* ]]; then
        echo "Sign-in as $LOGIN failed (HTTP $status)." >&2
        exit 1
    fi
}

# check PATH: the page answers 200 to the signed-in session (wrk would count a 302 to the login page as a success).
check() {
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $COOKIE" "$URL$1")
    if [[ $status != 200 ]]; then
        echo "GET $1 answered $status" >&2
        exit 1
    fi
}

# load NAME DURATION TARGET: one wrk run on a fresh session; TARGET is a path or a file of paths.
load() {
    local name=$1 duration=$2 target=$3 before after result
    sign_in
    wait_quiet
    before=$(cpu_snapshot)
    timeout 300 wrk -t "$THREADS" -c "$CONNECTIONS" -d "$duration" --timeout 10s --latency \
        -H "Cookie: $COOKIE" -s "$HERE/wrk.lua" "$URL" -- "$target" >"$OUT/wrk-$name.txt" 2>&1
    after=$(cpu_snapshot)
    if ! kill -0 "$DOTNET_PID" 2>/dev/null; then
        echo "The app went away during the '$name' run (stopped by another process?); see $OUT/app.log" >&2
        exit 1
    fi
    result=$(grep '^RESULT' "$OUT/wrk-$name.txt" | sed 's/^RESULT //' || true)
    if [[ -z $result ]]; then
        echo "wrk gave no result for '$name':" >&2
        cat "$OUT/wrk-$name.txt" >&2
        exit 1
    fi
    printf '%-22s %s %s\n' "$name" "$result" "$(cpu_share "$before" "$after" "$(field "$result" requests)")" | tee -a "$OUT/results.txt"
}

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
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0
    stop_app
    # ...then the generator fills it.
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"
else
    echo "== reusing $DATA (REGENERATE=1 to generate again)"
fi

echo "== start the app (Release, Development environment, QUIET_LOG=$QUIET_LOG)"
start_app "$OUT/app.log" Demo__Seed=false
sign_in
check "$TRIVIAL"
# Every 25th query, to catch a broken page before the load (and warm the caches).
sed -n '1~25p' "$DATA/queries.txt" | while read -r path; do check "$path"; done

: >"$OUT/results.txt"
echo "== load: $CONNECTIONS connections, $THREADS threads, $DURATION each (after $WARMUP warm-ups)"
load warmup-trivial "$WARMUP" "$TRIVIAL" >/dev/null
load warmup-search "$WARMUP" "$DATA/queries.txt" >/dev/null
load trivial "$DURATION" "$TRIVIAL"
load search "$DURATION" "$DATA/queries.txt"
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
echo "app log: $errors error lines ($cancelled of them requests cancelled when wrk closed its connections at the end of a run);"
echo "         $not_ok request lines not 200 besides the sign-ins (QUIET_LOG=1 leaves no request lines)"
echo "CPU shares are of both cores together; wrk itself takes a part of 'wrk and others'."
echo "wrk output: $OUT/wrk-*.txt   app log: $OUT/app.log"
