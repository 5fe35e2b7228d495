#!/usr/bin/env bash
# Navigation badges benchmark: what the follow-up queue badge and the notification bell cost on
# every page. On bench/Customers' generated dealership with bench/FollowUps' job run over it
# (about 1M follow-up tasks), it loads a trivial signed-in page (/Account/ChangePassword: the
# full layout, no query of its own) as a user whose navigation has no queue badge (ADMIN_LOGIN,
# default admin: the bell only) and as a CS agent (AGENT_LOGIN: the queue badge and the bell),
# by turns, and reports the app's CPU per request of each and their ratio. It does so twice:
# with the badge cache as configured (30 s) and with it off (Policies:Notifications:BadgeCacheSeconds=0,
# every page counts afresh), so the cache's effect is measured in the same run. See README.md.
#
#   bench/Badges/run.sh                 # build, generate (or reuse), load, stop
#   REGENERATE=1 bench/Badges/run.sh    # generate the data and run the job again
#   SKIP_BUILD=1 bench/Badges/run.sh    # use what is already built in bench/out/badges
#   MODES=cached bench/Badges/run.sh    # only the cached configuration
#
# Only ever talks to 127.0.0.1; every step is bounded in time; the app is stopped at the end.
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out/badges}
DATA=$OUT/data
PORT=${PORT:-5082}
URL=http://127.0.0.1:$PORT
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
ADMIN_LOGIN=${ADMIN_LOGIN:-admin}
AGENT_LOGIN=${AGENT_LOGIN:-csagent}
LOGIN=$AGENT_LOGIN
PASSWORD='Demo#2026'
TRIVIAL=${TRIVIAL:-/Account/ChangePassword}
REGENERATE=${REGENERATE:-0}
QUIET_LOG=${QUIET_LOG:-1}
MODES=${MODES:-cached uncached}

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== build (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
    timeout 600 dotnet build "$ROOT/bench/Customers/Generator" -c Release -o "$OUT/generator" -v quiet -nologo
    timeout 600 dotnet build "$ROOT/bench/FollowUps/Runner" -c Release -o "$OUT/runner" -v quiet -nologo
fi

if [[ $REGENERATE == 1 || ! -f $DATA/dealercrm.db || ! -f $OUT/runner.log ]]; then
    echo "== generate into $DATA, then the follow-up job's first run (about 1M tasks)"
    rm -rf "$DATA" "$OUT/runner.log"
    mkdir -p "$DATA"
    start_app "$OUT/app-seed.log" Demo__Seed=true Demo__Customers=0 Jobs__FollowUps=false Jobs__OverdueDigest=false
    stop_app
    timeout 900 dotnet "$OUT/generator/DealerCrm.Bench.Customers.Generator.dll" --data "$DATA" | tee "$OUT/generator.log"
    sync
    timeout 900 dotnet "$OUT/runner/DealerCrm.Bench.FollowUps.Runner.dll" --data "$DATA" --idle-runs 1 | tee "$OUT/runner.log.tmp"
    mv "$OUT/runner.log.tmp" "$OUT/runner.log"
else
    echo "== reusing $DATA (REGENERATE=1 to generate again)"
fi

: >"$OUT/results.txt"
for mode in $MODES; do
    settings=(Demo__Seed=false)
    if [[ $mode == uncached ]]; then
        settings+=(Policies__Notifications__BadgeCacheSeconds=0)
    fi

    echo "== $mode: start the app (Release, Development environment, jobs on)"
    start_app "$OUT/app-$mode.log" "${settings[@]}"
    for LOGIN in "$ADMIN_LOGIN" "$AGENT_LOGIN"; do
        sign_in
        check "$TRIVIAL"
        check /
    done

    echo "== $mode: $CONNECTIONS connections, $THREADS threads, $ROUNDS rounds of $DURATION per user, by turns (after $WARMUP warm-ups)"
    for LOGIN in "$ADMIN_LOGIN" "$AGENT_LOGIN"; do
        load "warmup-$mode-$LOGIN" "$WARMUP" "$TRIVIAL" >/dev/null
    done
    for round in $(seq 1 "$ROUNDS"); do
        for LOGIN in "$ADMIN_LOGIN" "$AGENT_LOGIN"; do
            load "$mode-$LOGIN.$round" "$DURATION" "$TRIVIAL"
        done
    done
    for LOGIN in "$ADMIN_LOGIN" "$AGENT_LOGIN"; do
        combine_rounds "$mode-$LOGIN" >>"$OUT/results.txt"
    done
    stop_app
done

echo
echo "== summary (trivial signed-in page $TRIVIAL, app CPU per request)"
if [[ -f $OUT/generator.log ]]; then
    grep '^SUMMARY' "$OUT/generator.log" | sed 's/^SUMMARY/generated:/' || true
fi
grep -E '^first run' "$OUT/runner.log" || true
for mode in $MODES; do
    admin=$(grep "^$mode-$ADMIN_LOGIN " "$OUT/results.txt")
    agent=$(grep "^$mode-$AGENT_LOGIN " "$OUT/results.txt")
    printf '%-9s %-16s %6s ms/request  %7s req/s  p95 %6s ms\n' "$mode" "$ADMIN_LOGIN (bell)" "$(field "$admin" app_cpu_ms)" "$(field "$admin" rps)" "$(field "$admin" p95_ms)"
    printf '%-9s %-16s %6s ms/request  %7s req/s  p95 %6s ms\n' "$mode" "$AGENT_LOGIN (both)" "$(field "$agent" app_cpu_ms)" "$(field "$agent" rps)" "$(field "$agent" p95_ms)"
    awk -v m="$mode" -v a="$(field "$admin" app_cpu_ms)" -v c="$(field "$agent" app_cpu_ms)" \
        'BEGIN { printf "%-9s ratio %s / %s: %.2fx (target <= 1.30x)\n", m, "agent", "admin", c / a }'
    for round in $(seq 1 "$ROUNDS"); do
        awk -v r="$round" -v a="$(field "$(grep "^$mode-$ADMIN_LOGIN\.$round " "$OUT/results.txt")" app_cpu_ms)" \
            -v c="$(field "$(grep "^$mode-$AGENT_LOGIN\.$round " "$OUT/results.txt")" app_cpu_ms)" \
            'BEGIN { printf "            round %d: %.2f / %.2f ms = %.2fx\n", r, c, a, c / a }'
    done
done
for mode in $MODES; do
    echo "app log ($mode): $(grep -c '\[ERR\]\|\[FTL\]' "$OUT/app-$mode.log" || true) error lines"
done
echo "wrk output: $OUT/wrk-*.txt"
