#!/usr/bin/env bash
# Catalogue benchmark (issue 4): a 6,000-procedure catalogue is generated and imported through the API
# (progress printed), then GET /api/v1/procedures?q= is loaded with the search test set's 116 queries at
# 16 concurrent connections, side by side with a plain LIKE '%…%' baseline over the same rows.
# The app (SQLite, Release) is pinned to CPU 0, the load generator to CPU 1.
# Usage: bench/catalogue.sh [seconds-per-run] [rounds]      Results: bench/results/catalogue.md
source "$(dirname "$0")/lib.sh"
seconds=${1:-20}
rounds=${2:-3}
connections=16
build_release
bench_tool="dotnet $root/bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll"

work=$(mktemp -d /tmp/motcua-bench.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
port=$(free_port)
start_app "$port" "$work/data"
base="http://127.0.0.1:$port"

$bench_tool catalogue-data --count 6000 --out "$work/catalogue.json"
import_log=$($bench_tool import-catalogue --base "$base" --file "$work/catalogue.json" --password "Do-Kiem-Hieu-Nang-2026" | tee /dev/stderr)
import_seconds=$(echo "$import_log" | grep -o "seconds=[0-9.]*" | cut -d= -f2)
total=$(curl -fs "$base/api/v1/procedures?pageSize=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
echo "procedures in force: $total"

queries="$root/bench/search/queries.tsv"
run() { taskset -c 1 $bench_tool load --base "$base" --queries "$queries" --prefix "$1" --connections "$connections" --seconds "$seconds" --warmup 5; }
# Warm-up: the first query builds the in-memory index; tiered compilation settles over the first seconds.
run "/api/v1/procedures?q=" >/dev/null
run "/api/v1/bench/procedures-like?q=" >/dev/null
: > "$work/search" ; : > "$work/like"
for round in $(seq 1 "$rounds"); do
  run "/api/v1/procedures?q=" | tee -a "$work/search"
  run "/api/v1/bench/procedures-like?q=" | tee -a "$work/like"
done
field() { grep -o "$1=[0-9.]*" "$2" | cut -d= -f2 | median; }
quality=$($bench_tool search-quality "$queries" | tail -n 1)

mkdir -p "$bench_dir/results"
cat > "$bench_dir/results/catalogue.md" <<REPORT
# Catalogue benchmark

Command: \`bench/catalogue.sh $seconds $rounds\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version), SQLite.

Catalogue: $total procedures in force (76 sample procedures + generated variants), imported through
\`POST /api/v1/catalogue/imports\` in ${import_seconds} s (strict, announced; progress shown above while it ran).

Load: the 116 queries of \`bench/search/queries.tsv\` in turn, $connections connections, ${seconds} s per run after a 5 s warm-up,
median of $rounds runs; server time is the app's own \`Server-Timing\` (pipeline start to first byte).

| endpoint | requests/s | server p50 ms | server p99 ms | client p99 ms | target |
|---|---|---|---|---|---|
| \`GET /api/v1/procedures?q=\` (ranked search) | $(field rps "$work/search") | $(field server_p50_ms "$work/search") | $(field server_p99_ms "$work/search") | $(field client_p99_ms "$work/search") | server p99 < 10 ms |
| baseline \`LIKE '%q%'\` over the same versions | $(field rps "$work/like") | $(field server_p50_ms "$work/like") | $(field server_p99_ms "$work/like") | $(field client_p99_ms "$work/like") | |

Search quality on the same set (same command as the test): \`$quality\`

Raw runs:
- search: $(tr '\n' ';' < "$work/search")
- LIKE: $(tr '\n' ';' < "$work/like")
REPORT
cat "$bench_dir/results/catalogue.md"
