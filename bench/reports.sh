#!/usr/bin/env bash
# Report benchmarks (issue 6), on PostgreSQL: a province of 100 communes with 10,000,000 dossiers over 3 years;
# the daily figures built by the reconciliation job; then the province's dashboard for one year (the 766 index,
# which also computes the year before for the targets) and its form 06, through the API one request at a time,
# against naive SQL over the dossier table computing the same figures in the same run (and checked equal).
# PostgreSQL runs on CPU 1; the app and the timing client on CPU 0.
# Usage: bench/reports.sh [dossiers] [units] [runs] [naive-runs]      Results: bench/results/reports.md
source "$(dirname "$0")/lib.sh"
dossiers=${1:-10000000}
units=${2:-100}
runs=${3:-30}
naive_runs=${4:-5}
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
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=motcua;Maximum Pool Size=32;Command Timeout=0"
settings=(Database__Provider=Postgres "ConnectionStrings__Postgres=$connection" Database__SeedDemo=true Database__SeedDemoOfficers=false Reports__NightlyReconciliation=false)

# The schema and the demo catalogue, then the history written straight into the tables with the app stopped.
port=$(free_port)
start_app "$port" "$work/data" Database__MigrateOnStart=true "${settings[@]}"
stop_app
generated=$(taskset -c 0 $bench_tool report-data --connection "$connection" --units "$units" --count "$dossiers" | tee /dev/stderr | tail -n 1)
start_app "$port" "$work/data" "${settings[@]}"
base="http://127.0.0.1:$port"
out=$(taskset -c 0 $bench_tool reports --base "$base" --password "Do-Kiem-Hieu-Nang-2026" --connection "$connection" --runs "$runs" --naive-runs "$naive_runs" | tee /dev/stderr)
get() { echo "$out" | grep -o "$1=[0-9.a-zA-Z]*" | head -n 1 | cut -d= -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
table_size=$(psql -d motcua -t -A -c "SELECT pg_size_pretty(pg_total_relation_size('\"Dossiers\"'))")
figures_size=$(psql -d motcua -t -A -c "SELECT pg_size_pretty(pg_total_relation_size('\"DailyFigures\"'))")

mkdir -p "$bench_dir/results"
cat > "$bench_dir/results/reports.md" <<REPORT
# Report benchmark

Command: \`bench/reports.sh $dossiers $units $runs $naive_runs\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (shared_buffers 1 GB, work_mem 16 MB).

Data (\`MotCua.Bench report-data\`): $generated. The dossier table with its indexes: $table_size.
PostgreSQL is pinned to CPU 1; the app (Release, Production) and the timing client to CPU 0.

## Building the daily figures

The reconciliation job (\`POST /api/v1/admin/reports/reconcile\`), run on the freshly loaded table, recomputed
$(get reconcile_dossiers) dossiers into $(get figure_rows) counters ($figures_size) in $(get reconcile_seconds) s. On a live
system the counters move with every dossier change and the nightly run finds nothing to repair.

## The province, one year (2025)

One request at a time after one warm-up; API times are the client's, on loopback, JSON included; naive times are the
SQL alone (no HTTP, no JSON) — the naive dashboard runs its query for 2025 and for 2024, as the dashboard does.

| what | p50 ms | p95 ms | naive SQL p50 ms | naive SQL p95 ms | naive ÷ aggregated (p95) | target |
|---|---|---|---|---|---|---|
| dashboard: \`GET /api/v1/indicators/service-index\` ($runs runs; naive $naive_runs) | $(get dashboard_p50_ms) | $(get dashboard_p95_ms) | $(get naive_dashboard_p50_ms) | $(get naive_dashboard_p95_ms) | $(ratio "$(get naive_dashboard_p95_ms)" "$(get dashboard_p95_ms)")× | < 300 ms p95 |
| form 06: \`GET /api/v1/reports/processing\` ($runs runs; naive $naive_runs) | $(get form06_p50_ms) | $(get form06_p95_ms) | $(get naive_form06_p50_ms) | $(get naive_form06_p95_ms) | $(ratio "$(get naive_form06_p95_ms)" "$(get form06_p95_ms)")× | < 1,000 ms |

The figures agree: $(get figures_agree) — form 06 and the 766 progress ratio from the API equal the naive SQL's:

\`\`\`
$(echo "$out" | grep '^figure ')
\`\`\`
REPORT
cat "$bench_dir/results/reports.md"
