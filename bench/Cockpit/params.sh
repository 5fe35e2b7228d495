#!/usr/bin/env bash
# The instants raw.sql takes, for the cockpit's default view at this moment (this week, as the
# general manager): a sqlite3 script that sets @now (UTC), @today (the local day, Asia/Shanghai),
# @reader (the general manager's user id), the lounge's months (@month, @lastMonth as yyyymm, and
# their counted days @monthStart..@monthEnd, @lastStart..@lastEnd), the surveys' twelve months
# (@csiFrom..@csiTo, yyyymm) and @threshold (CsiPolicy.AlertThreshold), and fills the temporary
# table weeks (k = 1 oldest .. 12 this week; the local days FromDay..ThroughDay; StartUtc..EndUtc,
# the UTC instants of their first day's start and the day after the last's), as the page computes them.
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
month_start=$(date -d "$today" +%Y-%m-01)
last_start=$(date -d "$month_start -1 month" +%F)
next_start=$(date -d "$month_start +1 month" +%F)
# A month's lounge days are counted up to today (exclusive), as LoungeFigures.DaysAsync.
month_end=$([[ $next_start < $today ]] && echo "$next_start" || echo "$today")
last_end=$([[ $month_start < $today ]] && echo "$month_start" || echo "$today")
echo ".parameter set @reader \"(SELECT Id FROM AspNetUsers WHERE UserName = '${LOGIN:-generalmanager}')\""
echo ".parameter set @month $(date -d "$month_start" +%Y%m)"
echo ".parameter set @lastMonth $(date -d "$last_start" +%Y%m)"
echo ".parameter set @monthStart \"'$month_start'\""
echo ".parameter set @monthEnd \"'$month_end'\""
echo ".parameter set @lastStart \"'$last_start'\""
echo ".parameter set @lastEnd \"'$last_end'\""
echo ".parameter set @csiFrom $(date -d "$month_start -11 months" +%Y%m)"
echo ".parameter set @csiTo $(date -d "$month_start" +%Y%m)"
echo ".parameter set @threshold ${THRESHOLD:-6}"
echo "CREATE TEMP TABLE weeks (k INTEGER PRIMARY KEY, FromDay TEXT, ThroughDay TEXT, StartUtc TEXT, EndUtc TEXT);"
for k in $(seq 1 "$WEEKS"); do
    from=$(date -d "$monday -$((7 * (WEEKS - k))) days" +%F)
    through=$(date -d "$from +6 days" +%F)
    echo "INSERT INTO weeks VALUES ($k, '$from', '$through', '$(utc "$from")', '$(utc "$(date -d "$through +1 day" +%F)")');"
done
