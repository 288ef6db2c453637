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
# shellcheck source=lib/chromium.sh
source "$root/build/lib/chromium.sh"
gulou_require_dotnet
gulou_require_chromium
cd "$root"

docker_answers() {
  local socket=${DOCKER_HOST:-}; socket=${socket#unix://}
  [ -n "${DOCKER_HOST:-}" ] || socket=/var/run/docker.sock
  [ -S "$socket" ] && command -v curl >/dev/null 2>&1 || return 1
  local api
  api=$(curl -s --max-time 3 --unix-socket "$socket" http://docker/version | sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p')
  [ -n "$api" ] && [ "$(printf '%s\n1.44\n' "$api" | sort -V | head -n 1)" = "1.44" ]
}

own_cluster=0
if [ -n "${GULOU_TEST_DB:-}" ]; then
  gulou_log "tests use GULOU_TEST_DB"
elif docker_answers; then
  gulou_log "tests use Testcontainers' PostgreSQL"
else
  gulou_log "no Docker engine answers: starting a private PostgreSQL for the tests"
  gulou_pg_start "$root/.local/pg-test" fast
  # The integration tests place some districts in a second database of the same cluster (gulou_tests_second).
  for db in gulou_tests gulou_tests_second; do
    "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc "drop database if exists $db with (force)" >/dev/null
  done
  gulou_pg_createdb gulou_tests
  GULOU_TEST_DB=$(gulou_pg_connection_string gulou_tests 200)
  export GULOU_TEST_DB
  own_cluster=1
fi
[ "$own_cluster" = 1 ] && trap 'gulou_pg_stop' EXIT

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
