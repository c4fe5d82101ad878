#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian's postgresql, chromium and fonts-dejavu-core)
# when missing, starts a throwaway PostgreSQL cluster on a loopback port, runs the domain tests, the
# web tests against SQLite and against PostgreSQL, and the browser tests, stops what it started, and
# ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages the tests need.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install failed" >&2; exit 1; }
fi

# 2. A throwaway PostgreSQL cluster on loopback, in a temporary folder.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/motcua-test.XXXXXX)
chmod 755 "$work"
pgdata="$work/pg"
port=$(( 20000 + RANDOM % 20000 ))
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$pgdata"
# The server runs as postgres (initdb refuses root): it owns the folder for its data, socket and log.
[ "$(id -u)" -eq 0 ] && chown -R postgres "$work"
say "Starting PostgreSQL on 127.0.0.1:$port"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null || exit 1
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$work/postgres.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$work/postgres.log"; exit 1; }

# 3. Build once; the code must already be formatted.
say "Building"
dotnet build MotCua.slnx -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
say "Checking formatting"
dotnet format MotCua.slnx --verify-no-changes --no-restore -v quiet || { echo "Run 'dotnet format MotCua.slnx' and commit the result." >&2; exit 1; }

# 4. Run the suites; each writes an xUnit XML result.
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
suite() {
  local name=$1 project=$2
  shift 2
  say "Tests: $name"
  env "$@" dotnet "tests/$project/bin/Release/net10.0/$project.dll" -reporter quiet -result-xml "$results/$name.xml" || status=1
}
suite domain MotCua.Domain.Tests
suite web-sqlite MotCua.Web.Tests MOTCUA_TEST_DATABASE=sqlite
suite web-postgres MotCua.Web.Tests MOTCUA_TEST_DATABASE=postgres "MOTCUA_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=50"
suite browser MotCua.Browser.Tests

# 5. The names of failed tests (the suites run with the quiet reporter), then one line of totals.
for xml in "$results"/*.xml; do
  grep -o '<test [^>]*result="Fail"[^>]*' "$xml" | sed -E 's/.* name="([^"]*)".*/FAILED ['"$(basename "$xml" .xml)"'] \1/' | sed 's/&quot;/"/g; s/&amp;/\&/g'
done
total() { cat "$results"/*.xml 2>/dev/null | grep -o "<assembly [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }
passed=$(total passed); failed=$(total failed); skipped=$(total skipped); errors=$(total errors)
expected=4
found=$(ls "$results"/*.xml 2>/dev/null | wc -l)
if [ "$found" -lt "$expected" ] || [ "$errors" -gt 0 ]; then status=1; failed=$((failed + errors + expected - found)); fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
