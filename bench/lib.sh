# Shared helpers of the benchmark scripts (sourced).
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench_dir/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# free_port: a loopback port below Linux's ephemeral range (32768 and up), so that no outgoing connection of the
# run (the app's to PostgreSQL, the load generators') can hold it, and not listening now.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 12000 ))
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
}

need_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
}

build_release() {
  dotnet build "$root/src/MotCua.Web/MotCua.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
  dotnet build "$root/bench/MotCua.Bench/MotCua.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
}

# start_app PORT DATA_DIR [extra env assignments...]: the Release app on loopback, pinned to CPU 0; waits until ready.
start_app() {
  local port=$1 data=$2
  shift 2
  mkdir -p "$data"
  env ASPNETCORE_ENVIRONMENT=Production \
      Data__Directory="$data" \
      Bootstrap__AdminPassword="Do-Kiem-Hieu-Nang-2026" \
      Benchmarks__Enabled=true \
      RateLimits__PublicPerMinute=1000000000 \
      RateLimits__SignInPerMinute=1000000000 \
      Logging__LogLevel__Default=Warning \
      "$@" \
      taskset -c 0 dotnet "$root/src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the app did not become ready; see $data/app.log" >&2
  cat "$data/app.log" >&2
  return 1
}

stop_app() { [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }

# wrk_run URL SCRIPT CONNECTIONS SECONDS: prints "requests_per_second p50_ms p99_ms" (wrk pinned to CPU 1).
wrk_run() {
  local url=$1 script=$2 connections=$3 seconds=$4
  local out
  out=$(taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "$url")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses:" >&2; echo "$out" >&2; return 1; fi
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

# wrk prints latencies as 1.23ms / 456.00us / 1.02s.
to_ms() {
  local v=$1
  case "$v" in
    *us) awk -v x="${v%us}" 'BEGIN { printf "%.3f", x / 1000 }' ;;
    *ms) awk -v x="${v%ms}" 'BEGIN { printf "%.3f", x }' ;;
    *s) awk -v x="${v%s}" 'BEGIN { printf "%.3f", x * 1000 }' ;;
    *) echo "$v" ;;
  esac
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

need_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq postgresql >/dev/null; else sudo apt-get install -y -qq postgresql >/dev/null; fi
}

# start_postgres DIR PORT CPU: a throwaway cluster on loopback (run as postgres when root), pinned to one CPU,
# with the default durability (fsync and synchronous commit on). Sets pg_bin, pg_dir, pg_port.
start_postgres() {
  pg_dir=$1 pg_port=$2
  local cpu=$3
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; pg_as() { su postgres -s /bin/bash -c "$*"; }; else pg_as() { bash -c "$*"; }; fi
  pg_as "$pg_bin/initdb -D $pg_dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  pg_as "taskset -c $cpu $pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/postgres.log -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB -c work_mem=16MB\" start >/dev/null"
}

stop_postgres() { [ -n "${pg_dir:-}" ] && pg_as "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop >/dev/null 2>&1" || true; }
