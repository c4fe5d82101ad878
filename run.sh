#!/usr/bin/env bash
# Starts MotCua with the embedded defaults: a SQLite file and a local file store under ./data
# (Data__Directory), the demo organisation, catalogue and officers seeded on first start, and the
# bootstrap administrator printed once. Arguments go to the app: ./run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Development: a random bootstrap password is generated and printed when none is configured.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

out=src/MotCua.Web/bin/Release/net10.0
dll="$out/MotCua.Web.dll"
# Build when nothing is built yet or a source changed since the last build; a no-op build still costs seconds.
stale() {
  [ ! -f "$dll" ] && return 0
  [ -n "$(find src Directory.Build.props Directory.Packages.props global.json -newer "$dll" -type f \
      \( -name '*.cs' -o -name '*.razor' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.css' -o -name '*.js' -o -name '*.svg' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' -not -path '*/wwwroot/lib/*' -print -quit)" ]
}
if stale; then
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js and npm are required to restore the front-end libraries." >&2; exit 1; }
  dotnet build src/MotCua.Web/MotCua.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
fi
# PDF reports embed a TrueType font with Vietnamese letters (Debian's fonts-dejavu-core); without it they answer
# with a clear error and Excel still works.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null 2>&1 \
      || echo "Could not install fonts-dejavu-core: PDF reports are unavailable until it is installed." >&2
  else
    echo "fonts-dejavu-core is not installed (sudo apt-get install fonts-dejavu-core): PDF reports are unavailable until it is." >&2
  fi
fi
exec dotnet "$dll" "$@"
