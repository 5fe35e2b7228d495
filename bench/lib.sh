# Shared by the benchmarks' run.sh scripts (sourced): starting the published app on 127.0.0.1,
# signing in, loading pages with wrk and reading the CPU shares. The sourcing script sets ROOT,
# OUT, DATA, PORT, URL, LOGIN, PASSWORD, CONNECTIONS, THREADS and QUIET_LOG first.
BENCH=$ROOT/bench

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
    # START_WAIT: seconds to wait for /health (seeding the demo on a busy machine can take minutes).
    for _ in $(seq 1 $((2 * ${START_WAIT:-60}))); do
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
    echo "The app did not answer /health within ${START_WAIT:-60} s; see $log" >&2
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
        -H "Cookie: $COOKIE" -s "$BENCH/wrk.lua" "$URL" -- "$target" >"$OUT/wrk-$name.txt" 2>&1
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


# combine_rounds NAME: one results line for the rounds NAME.1, NAME.2, ... in $OUT/results.txt:
# requests and seconds summed (so rps is over all rounds), the app's CPU per request weighted by
# requests, CPU shares averaged, and each latency percentile the worst of the rounds'.
combine_rounds() {
    grep "^$1\\." "$OUT/results.txt" | awk -v name="$1" '
        function get(key,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) { sub("%", "", kv[2]); return kv[2] + 0 } } return 0 }
        function worst(key, v) { v = get(key); if (v > max[key]) max[key] = v }
        { n++; r += get("requests"); s += get("seconds"); cpu += get("app_cpu_ms") * get("requests")
          m += get("machine"); a += get("app"); o += get("rest"); se += get("status_errors"); so += get("socket_errors")
          worst("p50_ms"); worst("p95_ms"); worst("p99_ms"); worst("max_ms") }
        END { printf "%-22s requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f status_errors=%d socket_errors=%d machine=%.0f%% app=%.0f%% rest=%.0f%% app_cpu_ms=%.2f rounds=%d\n",
              name, r, s, r / s, max["p50_ms"], max["p95_ms"], max["p99_ms"], max["max_ms"], se, so, m / n, a / n, o / n, cpu / r, n }'
}
