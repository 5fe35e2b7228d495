#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, installed under bench/out/lighthouse by this script) against the
# published site on 127.0.0.1 with the demo data, signed in as the CS agent: the customer list,
# a customer's file, the follow-up queue and a call page. Targets: accessibility and best
# practices >= 95, performance >= 90. Not part of ./test.sh.
#
#   scripts/lighthouse.sh                # publish, start, measure the four pages, stop
#   SKIP_BUILD=1 scripts/lighthouse.sh   # use the last publish in bench/out/lighthouse/app
#
# Signed in without a browser session: the script signs in with curl and Lighthouse sends the
# session's cookies on every request (--extra-headers). Chromium is Debian's /usr/bin/chromium.
set -euo pipefail
trap 'echo "lighthouse.sh: failed at line $LINENO" >&2' ERR

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/out/lighthouse}
DATA=$OUT/data
PORT=${PORT:-5085}
URL=http://127.0.0.1:$PORT
LOGIN=${LOGIN:-csagent}
PASSWORD='Demo#2026'
QUIET_LOG=1
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
LIGHTHOUSE_VERSION=${LIGHTHOUSE_VERSION:-12}
# Seeding the demo data before the site answers takes over a minute on a busy 2-core machine.
START_WAIT=${START_WAIT:-300}

# shellcheck source=../bench/lib.sh
source "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
if [[ ! -x $OUT/node/node_modules/.bin/lighthouse ]]; then
    echo "== npm install lighthouse@$LIGHTHOUSE_VERSION (into $OUT/node)"
    timeout 900 npm install --silent --no-audit --no-fund --prefix "$OUT/node" "lighthouse@$LIGHTHOUSE_VERSION"
fi
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "== publish (Release)"
    timeout 600 dotnet publish "$ROOT/src/DealerCrm.Web" -c Release -o "$OUT/app" -v quiet -nologo
fi

rm -rf "$DATA"
mkdir -p "$DATA"
echo "== start the site with the demo data"
start_app "$OUT/app.log" Demo__Seed=true
sign_in

customer=$(curl -s --max-time 30 -H "Cookie: $COOKIE" "$URL/Customers" | grep -oE 'href="/Customers/[0-9]+"' | head -1 | sed -E 's/href="([^"]*)"/\1/')
call=$(curl -s --max-time 30 -H "Cookie: $COOKIE" "$URL/FollowUps" | grep -oE 'href="/FollowUps/[0-9]+(\?[^"]*)?"' | head -1 | sed -E 's/href="([^"]*)"/\1/; s/&amp;/\&/g')
pages=(/Customers "$customer" /FollowUps "$call")
for page in "${pages[@]}"; do check "$page"; done
headers=$(printf '{"Cookie":"%s"}' "$COOKIE")

printf '\n%-28s %13s %14s %11s\n' page accessibility best-practices performance
failed=0
for page in "${pages[@]}"; do
    name=$(tr '/?=&' '____' <<<"${page#/}")
    timeout 300 "$OUT/node/node_modules/.bin/lighthouse" "$URL$page" \
        --chrome-path="$CHROMIUM" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
        --extra-headers="$headers" --disable-full-page-screenshot \
        --only-categories=accessibility,best-practices,performance \
        --output=json --output-path="$OUT/$name.json" --quiet
    scores=$(node -e '
        const r = require(process.argv[1]);
        const s = k => Math.round(r.categories[k].score * 100);
        console.log([s("accessibility"), s("best-practices"), s("performance")].join(" "));' "$OUT/$name.json")
    read -r a b p <<<"$scores"
    printf '%-28s %13s %14s %11s\n' "$page" "$a" "$b" "$p"
    if ((a < 95 || b < 95 || p < 90)); then failed=1; fi
done
stop_app
echo
echo "targets: accessibility >= 95, best practices >= 95, performance >= 90; reports: $OUT/*.json"
exit $failed
