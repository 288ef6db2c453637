# shellcheck shell=bash
# The PostgreSQL the tests run against, chosen once for test.sh and openapi.sh (source pg.sh first):
# GULOU_TEST_DB when set; otherwise Testcontainers' PostgreSQL when a Docker engine answers; otherwise a
# private cluster under .local/pg-test, stopped when the script exits.

gulou_docker_answers() {
  local socket=${DOCKER_HOST:-}; socket=${socket#unix://}
  [ -n "${DOCKER_HOST:-}" ] || socket=/var/run/docker.sock
  [ -S "$socket" ] && command -v curl >/dev/null 2>&1 || return 1
  local api
  api=$(curl -s --max-time 3 --unix-socket "$socket" http://docker/version | sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p')
  [ -n "$api" ] && [ "$(printf '%s\n1.44\n' "$api" | sort -V | head -n 1)" = "1.44" ]
}

# gulou_test_db ROOT: exports GULOU_TEST_DB (or leaves it unset for Testcontainers).
gulou_test_db() {
  local root=$1
  if [ -n "${GULOU_TEST_DB:-}" ]; then
    gulou_log "tests use GULOU_TEST_DB"
  elif gulou_docker_answers; then
    gulou_log "tests use Testcontainers' PostgreSQL"
  else
    gulou_log "no Docker engine answers: starting a private PostgreSQL for the tests"
    gulou_pg_start "$root/.local/pg-test" fast
    # The integration tests place some districts in a second database of the same cluster (gulou_tests_second).
    local db
    for db in gulou_tests gulou_tests_second; do
      "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc "drop database if exists $db with (force)" >/dev/null
    done
    gulou_pg_createdb gulou_tests
    GULOU_TEST_DB=$(gulou_pg_connection_string gulou_tests 200)
    export GULOU_TEST_DB
    trap 'gulou_pg_stop' EXIT
  fi
}
