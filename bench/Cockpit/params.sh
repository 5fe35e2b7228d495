#!/usr/bin/env bash
# The instants raw.sql takes, for the cockpit's default view at this moment: a sqlite3 script
# that sets @now (UTC) and @today (the local day, Asia/Shanghai) and fills the temporary table
# weeks (k = 1 oldest .. 12 this week; the local days FromDay..ThroughDay; StartUtc..EndUtc, the
# UTC instants of their first day's start and the day after the last's), as the page computes them.
set -euo pipefail
TZ_LOCAL=Asia/Shanghai
WEEKS=${WEEKS:-12}
now=$(date -u +'%Y-%m-%d %H:%M:%S')
today=$(TZ=$TZ_LOCAL date +%F)
monday=$(date -d "$today -$(($(date -d "$today" +%u) - 1)) days" +%F)
utc() { date -u -d "TZ=\"$TZ_LOCAL\" $1 00:00" +'%Y-%m-%d %H:%M:%S'; }
echo ".parameter init"
echo ".parameter set @now \"'$now'\""
echo ".parameter set @today \"'$today'\""
echo "CREATE TEMP TABLE weeks (k INTEGER PRIMARY KEY, FromDay TEXT, ThroughDay TEXT, StartUtc TEXT, EndUtc TEXT);"
for k in $(seq 1 "$WEEKS"); do
    from=$(date -d "$monday -$((7 * (WEEKS - k))) days" +%F)
    through=$(date -d "$from +6 days" +%F)
    echo "INSERT INTO weeks VALUES ($k, '$from', '$through', '$(utc "$from")', '$(utc "$(date -d "$through +1 day" +%F)")');"
done
