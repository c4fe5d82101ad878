#!/usr/bin/env bash
# Calendar benchmarks (issue 3):
#  1. due computations per second on one core (domain, random starts 2024–2030);
#  2. GET /api/v1/calendar/due requests/s against the constant-JSON baseline endpoint, side by side,
#     the app pinned to CPU 0 and wrk to CPU 1, alternating rounds; medians reported.
# Usage: bench/calendar.sh [seconds-per-run] [rounds]     Results: bench/results/calendar.md
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}
rounds=${2:-3}
connections=32
need_wrk
build_release

domain=$(taskset -c 0 dotnet "$root/bench/MotCua.Bench/bin/Release/net10.0/MotCua.Bench.dll" calendar --rounds 7)
echo "$domain"

work=$(mktemp -d /tmp/motcua-bench.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
port=$(free_port)
start_app "$port" "$work/data"
base="http://127.0.0.1:$port"
curl -fs "$base/api/v1/calendar/due?start=2026-11-23T09:00:00&value=3&unit=working_days" && echo

# Warm-up of both endpoints until tiered compilation has settled (on one core the JIT competes with requests).
for _ in 1 2; do
  wrk_run "$base" "$bench_dir/lua/random-constant.lua" "$connections" 10 >/dev/null
  wrk_run "$base" "$bench_dir/lua/random-due.lua" "$connections" 10 >/dev/null
done

: > "$work/constant" ; : > "$work/due"
for round in $(seq 1 "$rounds"); do
  wrk_run "$base" "$bench_dir/lua/random-constant.lua" "$connections" "$seconds" | tee -a "$work/constant"
  wrk_run "$base" "$bench_dir/lua/random-due.lua" "$connections" "$seconds" | tee -a "$work/due"
done
constant_rps=$(cut -d' ' -f1 "$work/constant" | median)
due_rps=$(cut -d' ' -f1 "$work/due" | median)
constant_p99=$(cut -d' ' -f3 "$work/constant" | median)
due_p99=$(cut -d' ' -f3 "$work/due" | median)
ratio=$(awk -v a="$due_rps" -v b="$constant_rps" 'BEGIN { printf "%.1f", 100 * a / b }')
ops=$(echo "$domain" | sed -E 's/.*median=([0-9]+).*/\1/')

mkdir -p "$bench_dir/results"
cat > "$bench_dir/results/calendar.md" <<REPORT
# Calendar benchmark

Command: \`bench/calendar.sh $seconds $rounds\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET $(dotnet --version).

| measurement | result | target |
|---|---|---|
| due computations per second, one core (median of 7 rounds × 2,000,000) | $ops | ≥ 1,000,000 |
| \`GET /api/v1/calendar/due\` requests/s (median of $rounds × ${seconds}s, $connections connections) | $due_rps (p99 ${due_p99} ms) | |
| baseline \`GET /api/v1/bench/constant\` requests/s, same pipeline | $constant_rps (p99 ${constant_p99} ms) | |
| due ÷ baseline | ${ratio}% | ≥ 70% |

The app runs the Release build in Production mode on CPU 0 (\`taskset -c 0\`); wrk runs on CPU 1 with one thread.
Both endpoints go through the same middleware (security headers, rate limiter, authentication, authorisation);
the baseline returns a constant JSON body. Raw runs (requests/s, p50 ms, p99 ms):

- baseline: $(tr '\n' ';' < "$work/constant")
- due: $(tr '\n' ';' < "$work/due")
REPORT
cat "$bench_dir/results/calendar.md"
