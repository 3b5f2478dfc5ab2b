#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed, N skipped".
# Installs and starts what the tests need by itself (loopback only), so it works on a fresh machine.
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Loyalty.Orleans.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi

# The browser test drives Debian's Chromium (never a downloaded browser), the Redis-profile tests a real
# redis-server and the Azure-profile tests Azurite (node and npm); install what is missing, as root.
ensure_package() { # command, package
  command -v "$1" >/dev/null && return
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; } \
    || echo "$2 could not be installed; the tests that need it will fail" >&2
}
ensure_package chromium chromium
ensure_package redis-server redis-server
# The Azure-profile tests run on Azurite, installed with npm into .run/azurite (as deploy/local-cluster.sh does).
ensure_package npm npm
if [ ! -x .run/azurite/node_modules/.bin/azurite ]; then
  mkdir -p .run/azurite
  npm install --prefix .run/azurite --no-audit --no-fund --loglevel=error azurite@3.37.0 >/dev/null \
    || echo "azurite could not be installed; the Azure-profile tests will fail" >&2
fi

# The Redis-profile failure tests start real processes (redis-server, silos, a gateway); deploy/local-cluster.sh
# installs redis-server when it is missing. Test projects run one after another so that those clusters have the cores.
status=0
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1
done

# The suites whose rules depend on today's date run again on dates where calendars turn: a month end late in the
# evening, the night Europe's clocks go forward, a leap day, a year's last minute (ISO week 53). Load tests, which
# hold no date, run once.
for clock in 2027-01-31T23:30:00Z 2027-03-28T00:30:00Z 2028-02-29T12:00:00Z 2026-12-31T23:59:00Z; do
  for project in tests/Grains.Tests/Loyalty.Grains.Tests.csproj tests/Gateway.Tests/Loyalty.Gateway.Tests.csproj; do
    LOYALTY_TEST_CLOCK=$clock dotnet test "$project" -c Release --no-build -nologo --filter "Category!=Load" \
      --logger "trx;LogFilePrefix=clock-${clock//:/}" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
  done
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(value passed); f=$(value failed); t=$(value total); e=$(value executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
