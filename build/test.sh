#!/usr/bin/env bash
# Every test of the solution: unit tests, integration tests through the real HTTP pipeline against
# real PostgreSQL, and browser tests of the dashboard in Debian's Chromium (installed when missing).
# The database is GULOU_TEST_DB when set; otherwise Testcontainers' PostgreSQL when a Docker engine
# answers; otherwise a private cluster under .local/pg-test started from Debian's binaries.
# Then the short fault test (build/faults.sh --short: three nodes, a killed daemon node, a PostgreSQL restart);
# FAULTS=0 skips it. BENCH=1 also runs the quick benchmark (build/bench.sh --quick).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/testdb.sh
source "$root/build/lib/testdb.sh"
# shellcheck source=lib/chromium.sh
source "$root/build/lib/chromium.sh"
gulou_require_dotnet
gulou_require_chromium
cd "$root"

gulou_test_db "$root"

gulou_log "building"
dotnet build Gulou.Events.sln -c Debug -nologo -clp:ErrorsOnly

gulou_log "running the tests"
status=0
dotnet test Gulou.Events.sln -c Debug --no-build -nologo || status=$?

if [ "${FAULTS:-1}" = 1 ]; then
  gulou_log "running the short fault test"
  "$root/build/faults.sh" --short || status=$?
fi

if [ "${BENCH:-0}" = 1 ]; then
  gulou_log "running the quick benchmark"
  "$root/build/bench.sh" --quick || status=$?
fi

if [ "$status" -ne 0 ]; then
  printf '\033[1;31mTESTS FAILED\033[0m (exit %s)\n' "$status" >&2
else
  printf '\033[1;32mALL TESTS PASSED\033[0m\n' >&2
fi
exit "$status"
