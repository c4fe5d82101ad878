#!/usr/bin/env bash
# Dossier benchmarks (issue 5), on PostgreSQL:
#  1. reception throughput: dossiers received per second through POST /api/v1/dossiers at 16 concurrent
#     clients, against pgbench's TPC-B (scale 16, 16 clients) on the same database in the same run;
#  2. public lookup: GET /api/v1/public/dossiers/{code}?phone= with 1,000,000 dossiers loaded, wrk at 64
#     connections, against the constant-JSON endpoint through the same pipeline; then again with the app
#     restarted with its public-view cache off;
#  3. the work queue of a unit with 20,000 open dossiers (API and page), p95.
# PostgreSQL runs on CPU 1; the app, the reception load (wrk) and pgbench on CPU 0; the lookup's wrk on CPU 1.
# Each endpoint is warmed up first (120 s by default): on one saturated core, .NET's tiered JIT needs one to two
# minutes of load before the hot paths run fully optimised, and a shorter warm-up measures the JIT instead.
# Usage: bench/dossiers.sh [seconds-per-run] [rounds] [dossiers] [warm-up-seconds]   Results: bench/results/dossiers.md
source "$(dirname "$0")/lib.sh"
seconds=${1:-20}
rounds=${2:-3}
dossiers=${3:-1000000}
warmup=${4:-120}
need_wrk
need_postgres
build_release
bench_tool="dotnet $root/bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll"

work=$(mktemp -d /tmp/motcua-bench.XXXXXX)
chmod 755 "$work"
trap 'stop_app; stop_postgres; rm -rf "$work"' EXIT
pg_port=$(free_port)
start_postgres "$work/pg" "$pg_port" 1
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q "$@"; }
psql -c "CREATE DATABASE motcua"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=motcua;Maximum Pool Size=64"
"$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -i -s 16 -q motcua >/dev/null 2>&1

port=$(free_port)
app_settings=(Database__Provider=Postgres "ConnectionStrings__Postgres=$connection" Database__MigrateOnStart=true Database__SeedDemo=true Database__SeedDemoOfficers=false RateLimits__LookupPerMinute=1000000000)
start_app "$port" "$work/data" "${app_settings[@]}"
base="http://127.0.0.1:$port"
password="Do-Kiem-Hieu-Nang-2026"
$bench_tool officer-tokens --base "$base" --password "$password" --officers reception@000.22.01.H49,specialist@000.21.00.H49 > "$work/tokens"
reception_token=$(sed -n 1p "$work/tokens")
specialist_token=$(sed -n 2p "$work/tokens")

# 1. Reception against pgbench, alternating rounds after a warm-up of each.
pgbench_run() { taskset -c 0 "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -c 16 -j 2 -T "$1" -n motcua 2>/dev/null | awk '/^tps/ {print $3}'; }
# The reception load is wrk (one thread, 16 connections) with bench/lua/reception.lua, pinned to CPU 0 like
# pgbench's client: both clients are light C programs, so the app keeps nearly all of CPU 0 as PostgreSQL keeps CPU 1.
procedure=1.004873
documents=$($bench_tool reception-documents --base "$base" --token "$reception_token" --procedure "$procedure")
reception_run() {
  local line
  line=$(taskset -c 0 wrk -t1 -c16 -d"$1s" -s "$bench_dir/lua/reception.lua" "$base" -- "$reception_token" "run$RANDOM$RANDOM" "$procedure" "$documents" | grep '^rps=')
  case "$line" in *" errors=0") echo "$line" ;; *) echo "reception errors: $line" >&2; return 1 ;; esac
}
pgbench_run 10 >/dev/null
reception_run "$warmup" >/dev/null
: > "$work/pgbench" ; : > "$work/reception"
for round in $(seq 1 "$rounds"); do
  pgbench_run "$seconds" | tee -a "$work/pgbench"
  reception_run "$seconds" | tee -a "$work/reception"
done
field() { grep -o "$1=[0-9.]*" "$2" | cut -d= -f2 | median; }
pgbench_tps=$(median < "$work/pgbench")
reception_rps=$(field rps "$work/reception")
reception_ratio=$(awk -v a="$reception_rps" -v b="$pgbench_tps" 'BEGIN { printf "%.1f", 100 * a / b }')
# Each round's reception against the pgbench run just before it: the host's speed drifts over minutes, and a pair
# 15 s apart shares more of it than medians taken over the whole run.
paired=$(paste -d' ' "$work/pgbench" <(grep -o 'rps=[0-9.]*' "$work/reception" | cut -d= -f2) | awk '{ printf "%.1f\n", 100 * $2 / $1 }')
paired_ratio=$(echo "$paired" | median)
received=$(psql -d motcua -t -A -c 'SELECT count(*) FROM "Dossiers"')
# A code is <agency>-<YYMMDD>-<sequence>; the sequence may pass 9999 (five digits), so compare numbers.
gaps=$(psql -d motcua -t -A -c "SELECT count(*) FROM (SELECT split_part(\"Code\", '-', 3)::int AS n, lag(split_part(\"Code\", '-', 3)::int) OVER (PARTITION BY split_part(\"Code\", '-', 1), split_part(\"Code\", '-', 2) ORDER BY split_part(\"Code\", '-', 3)::int) AS previous FROM \"Dossiers\") c WHERE previous IS NOT NULL AND n <> previous + 1")

# 2. Public lookup with the data set loaded.
$bench_tool dossier-data --connection "$connection" --count "$dossiers" --open 20000 --open-agency 000.21.00.H49 --paths "$work/lookup-paths.txt"
total=$(psql -d motcua -t -A -c 'SELECT count(*) FROM "Dossiers"')
cat > "$work/lookup.lua" <<LUA
local paths = {}
for line in io.lines("$work/lookup-paths.txt") do paths[#paths + 1] = line end
math.randomseed(20261123)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA
# lookup_rounds SUFFIX: warms up, then alternates the constant endpoint and the lookup; results in
# $work/constantSUFFIX and $work/lookupSUFFIX ("requests_per_second p50_ms p99_ms" per round).
lookup_rounds() {
  wrk_run "$base" "$bench_dir/lua/random-constant.lua" 64 10 >/dev/null
  wrk_run "$base" "$work/lookup.lua" 64 "$warmup" >/dev/null
  : > "$work/constant$1" ; : > "$work/lookup$1"
  for round in $(seq 1 "$rounds"); do
    wrk_run "$base" "$bench_dir/lua/random-constant.lua" 64 "$seconds" | tee -a "$work/constant$1"
    wrk_run "$base" "$work/lookup.lua" 64 "$seconds" | tee -a "$work/lookup$1"
  done
}
lookup_rounds ""
constant_rps=$(cut -d' ' -f1 "$work/constant" | median)
lookup_rps=$(cut -d' ' -f1 "$work/lookup" | median)
constant_p99=$(cut -d' ' -f3 "$work/constant" | median)
lookup_p99=$(cut -d' ' -f3 "$work/lookup" | median)
lookup_ratio=$(awk -v a="$lookup_rps" -v b="$constant_rps" 'BEGIN { printf "%.1f", 100 * a / b }')

# 3. The work queue of the commune holding the 20,000 open dossiers.
open_count=$(curl -fs -H "Authorization: Bearer $specialist_token" "$base/api/v1/dossiers?view=unit&pageSize=1" | grep -o '"unit":[0-9]*' | cut -d: -f2)
printf '/api/v1/dossiers?view=unit\n/api/v1/dossiers?view=unit&page=40\n/api/v1/dossiers?view=unassigned&status=in_progress\n' > "$work/queue-api.txt"
printf '/mot-cua/ho-so?view=unit\n/mot-cua/ho-so?view=unit&page=40\n/mot-cua/ho-so?view=unassigned&status=in_progress\n' > "$work/queue-page.txt"
queue_run() { taskset -c 1 $bench_tool load --base "$base" --paths "$1" --token "$specialist_token" --connections 4 --seconds "$seconds" --warmup 5; }
queue_api=$(queue_run "$work/queue-api.txt" | tee /dev/stderr)
queue_page=$(queue_run "$work/queue-page.txt" | tee /dev/stderr)
qfield() { echo "$2" | grep -o "$1=[0-9.]*" | cut -d= -f2; }

# 2b. The lookup again with the public-view cache off (every request reads PostgreSQL), against the same baseline.
stop_app
start_app "$port" "$work/data" "${app_settings[@]}" PublicLookup__CacheEntries=0
lookup_rounds -uncached
uncached_constant_rps=$(cut -d' ' -f1 "$work/constant-uncached" | median)
uncached_rps=$(cut -d' ' -f1 "$work/lookup-uncached" | median)
uncached_ratio=$(awk -v a="$uncached_rps" -v b="$uncached_constant_rps" 'BEGIN { printf "%.1f", 100 * a / b }')

mkdir -p "$bench_dir/results"
cat > "$bench_dir/results/dossiers.md" <<REPORT
# Dossier benchmark

Command: \`bench/dossiers.sh $seconds $rounds $dossiers $warmup\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (fsync and synchronous commit on, shared_buffers 1 GB).

PostgreSQL is pinned to CPU 1; the app (Release, Production) and the client side of each comparison (the
reception load, pgbench) to CPU 0; the lookup's wrk (one thread) to CPU 1. The reception load is wrk with
\`bench/lua/reception.lua\` (16 connections, each a complete reception with a fresh Idempotency-Key). Medians of $rounds alternating runs of ${seconds} s,
after a warm-up of ${warmup} s for the reception and the lookup.

## 1. Reception throughput

| measurement | result | target |
|---|---|---|
| \`POST /api/v1/dossiers\` dossiers received/s, 16 clients (each a full reception: code, calendar, steps, history, audit, outbox) | $reception_rps (client p99 $(field client_p99_ms "$work/reception") ms) | |
| pgbench TPC-B tps, scale 16, 16 clients, same database | $pgbench_tps | |
| reception ÷ pgbench, medians of the rounds | ${reception_ratio}% | ≥ 40% |
| reception ÷ pgbench, median of each round's pair ($(echo "$paired" | sed 's/$/%/' | paste -sd' ' | sed 's/ /, /g')) | ${paired_ratio}% | ≥ 40% |

All receptions go to one desk (agency code 000.22.01.H49, another commune than the work queue's), so they contend on that agency's daily code counter
as the desk would. After the runs: $received dossiers, $gaps gaps in the daily sequences.

## 2. Public lookup with $total dossiers

| endpoint | requests/s | p50 ms | p99 ms | target |
|---|---|---|---|---|
| \`GET /api/v1/public/dossiers/{code}?phone=\` (random codes of the data set) | $lookup_rps | $(cut -d' ' -f2 "$work/lookup" | median) | $lookup_p99 | ≥ 40% of baseline, p99 < 20 ms |
| baseline \`GET /api/v1/bench/constant\` | $constant_rps | $(cut -d' ' -f2 "$work/constant" | median) | $constant_p99 | |
| lookup ÷ baseline | ${lookup_ratio}% | | | |
| lookup with the cache off (\`PublicLookup__CacheEntries=0\`: one PostgreSQL query each) | $uncached_rps | $(cut -d' ' -f2 "$work/lookup-uncached" | median) | $(cut -d' ' -f3 "$work/lookup-uncached" | median) | |
| baseline in the same app run | $uncached_constant_rps | $(cut -d' ' -f2 "$work/constant-uncached" | median) | $(cut -d' ' -f3 "$work/constant-uncached" | median) | |
| lookup with the cache off ÷ baseline | ${uncached_ratio}% | | | |

Data: \`MotCua.Bench dossier-data\` — $dossiers dossiers over every one-stop desk and the last 360 days, 20,000 of
them open at Xã Bình Sơn. The lookups draw from $(wc -l < "$work/lookup-paths.txt") codes of the data set, so with the
cache on (default, 50,000 views per node) nearly every lookup after the warm-up is served from memory: that row is a
portal under a crowd re-checking a working set of dossiers; the cache-off row is the first lookup of each dossier.

## 3. Work queue of a unit with $open_count open dossiers

4 connections, ${seconds} s, signed in as a specialist of Xã Bình Sơn; the paths cycle through the first page, page 40
and a filtered view (each request also counts the four tabs).

| what | requests/s | client p95 ms | server p95 ms | target |
|---|---|---|---|---|
| \`GET /api/v1/dossiers?view=unit\` (JSON) | $(qfield rps "$queue_api") | $(qfield client_p95_ms "$queue_api") | $(qfield server_p95_ms "$queue_api") | < 100 ms p95 |
| \`/mot-cua/ho-so?view=unit\` (rendered page) | $(qfield rps "$queue_page") | $(qfield client_p95_ms "$queue_page") | $(qfield server_p95_ms "$queue_page") | < 100 ms p95 |

Raw runs:
- pgbench tps: $(tr '\n' ';' < "$work/pgbench")
- reception: $(tr '\n' ';' < "$work/reception")
- constant (rps p50 p99): $(tr '\n' ';' < "$work/constant")
- lookup (rps p50 p99): $(tr '\n' ';' < "$work/lookup")
- constant, second app run (rps p50 p99): $(tr '\n' ';' < "$work/constant-uncached")
- lookup with the cache off (rps p50 p99): $(tr '\n' ';' < "$work/lookup-uncached")
REPORT
cat "$bench_dir/results/dossiers.md"
