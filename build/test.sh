#!/usr/bin/env bash
# Every test of the solution, in two lanes:
#   fast  unit tests; integration tests through the real HTTP pipeline against real PostgreSQL, their classes in
#         parallel on one shared host; the OpenAPI document's lint (build/openapi.sh --lint)
#   slow  browser tests of the dashboard in Debian's Chromium (installed when missing); the large import test;
#         the short fault test (build/faults.sh --short: three nodes, a killed daemon node, a PostgreSQL restart)
# build/test.sh runs both (CI does), build/test.sh --fast the fast lane, build/test.sh --slow the slow one.
# The database is GULOU_TEST_DB when set; otherwise Testcontainers' PostgreSQL when a Docker engine
# answers; otherwise a private cluster under .local/pg-test started from Debian's binaries.
# FAULTS=0 skips the fault test. BENCH=1 also runs the quick benchmark (build/bench.sh --quick).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/testdb.sh
source "$root/build/lib/testdb.sh"
# shellcheck source=lib/chromium.sh
source "$root/build/lib/chromium.sh"
lanes=${1:---all}
case "$lanes" in --all|--fast|--slow) ;; *) gulou_die "usage: build/test.sh [--fast|--slow]" ;; esac
gulou_require_dotnet
[ "$lanes" = --fast ] || gulou_require_chromium
cd "$root"

gulou_test_db "$root"

gulou_log "building"
dotnet build Gulou.Events.sln -c Debug -nologo -clp:ErrorsOnly

status=0
timings=()
if [ "$lanes" != --slow ]; then
  gulou_log "fast lane: unit and integration tests"
  started=$SECONDS
  dotnet test tests/Gulou.Events.UnitTests -c Debug --no-build -nologo || status=$?
  dotnet test tests/Gulou.Events.IntegrationTests -c Debug --no-build -nologo --filter "Lane!=Slow" || status=$?
  "$root/build/openapi.sh" --lint || status=$?
  timings+=("fast lane: $((SECONDS - started)) s")
fi

if [ "$lanes" != --fast ]; then
  gulou_log "slow lane: browser tests, the large import, the fault test"
  started=$SECONDS
  dotnet test tests/Gulou.Events.BrowserTests -c Debug --no-build -nologo || status=$?
  dotnet test tests/Gulou.Events.IntegrationTests -c Debug --no-build -nologo --filter "Lane=Slow" || status=$?
  if [ "${FAULTS:-1}" = 1 ]; then
    gulou_log "running the short fault test"
    "$root/build/faults.sh" --short || status=$?
  fi
  timings+=("slow lane: $((SECONDS - started)) s")
fi

if [ "${BENCH:-0}" = 1 ]; then
  gulou_log "running the quick benchmark"
  "$root/build/bench.sh" --quick || status=$?
fi

for timing in "${timings[@]}"; do gulou_log "$timing"; done
if [ "$status" -ne 0 ]; then
  printf '\033[1;31mTESTS FAILED\033[0m (exit %s)\n' "$status" >&2
else
  printf '\033[1;32mALL TESTS PASSED\033[0m\n' >&2
fi
exit "$status"
