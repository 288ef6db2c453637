# shellcheck shell=bash
# A private PostgreSQL cluster for this checkout, started from Debian's server binaries.
# Sourced by run.sh, test.sh and the other scripts. Postgres refuses to run as root, so when the
# scripts run as root the cluster runs as the `postgres` system user.

GULOU_PG_VERSION_WANTED=15

gulou_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
gulou_die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
# gulou_trace_errors: a command that stops a `set -e` script is named, with its line and status, before the exit.
gulou_trace_errors() {
  set -E
  trap 'gulou_trace_status=$?; printf "\033[1;31merror:\033[0m %s line %s: %s exited %s\n" "${BASH_SOURCE[0]##*/}" "$LINENO" "$BASH_COMMAND" "$gulou_trace_status" >&2' ERR
}

gulou_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else gulou_die "need root to run: $* (install it by hand, or set GULOU_DB / GULOU_TEST_DB)"
  fi
}

# Prints the bin directory of the newest installed PostgreSQL server, installing one when none is.
gulou_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    gulou_log "installing PostgreSQL $GULOU_PG_VERSION_WANTED from Debian's packages"
    gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "postgresql-$GULOU_PG_VERSION_WANTED" postgresql-client >&2 \
      || gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$bin/initdb" ] || gulou_die "PostgreSQL server binaries not found after installing"
  fi
  printf '%s\n' "$bin"
}

# The unprivileged account that owns and runs the cluster.
gulou_pg_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres >&2
  fi
  printf 'postgres\n'
}

gulou_as_pg() {
  local user; user=$(gulou_pg_user)
  if [ "$user" = "$(id -un)" ]; then "$@"
  else runuser -u "$user" -- "$@"
  fi
}

gulou_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

gulou_free_port() {
  local port=${1:-55432}
  while ! gulou_port_free "$port"; do port=$((port + 1)); done
  printf '%s\n' "$port"
}

# gulou_pg_start DIR [durable|fast]
# Starts (creating when new) the cluster in DIR and sets GULOU_PG_PORT. A running cluster is reused.
# "fast" turns off fsync: for throwaway test clusters only.
gulou_pg_start() {
  local dir=$1 mode=${2:-durable} bin user port
  bin=$(gulou_pg_bin)
  user=$(gulou_pg_user)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)

  # The cluster's owner must be able to reach DIR; a checkout under /root is not reachable by `postgres`.
  if [ "$user" != "$(id -un)" ] && ! runuser -u "$user" -- test -x "$dir"; then
    local alt="/var/lib/gulou-events/$(printf '%s' "$dir" | sha1sum | cut -c1-12)"
    mkdir -p "$alt"
    chown "$user" "$alt"
    gulou_log "$dir is not reachable by $user; the cluster lives in $alt"
    dir=$alt
  fi
  [ "$user" = "$(id -un)" ] || chown "$user" "$dir"

  if [ ! -s "$dir/data/PG_VERSION" ]; then
    gulou_log "creating a PostgreSQL cluster in $dir/data"
    gulou_as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; gulou_die "initdb failed"; }
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$dir'"
      echo "max_connections = 300"
      echo "shared_buffers = 256MB"
      echo "logging_collector = off"
      if [ "$mode" = fast ]; then
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      fi
    } | gulou_as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
  fi

  if gulou_as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    port=$(cat "$dir/port")
    gulou_log "PostgreSQL already running on port $port"
  else
    port=$(cat "$dir/port" 2>/dev/null || true)
    if [ -z "$port" ] || ! gulou_port_free "$port"; then port=$(gulou_free_port 55432); fi
    printf '%s\n' "$port" | gulou_as_pg tee "$dir/port" >/dev/null
    gulou_as_pg "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/postgres.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$dir/postgres.log" >&2; gulou_die "PostgreSQL did not start"; }
    gulou_log "PostgreSQL started on 127.0.0.1:$port ($dir)"
  fi
  GULOU_PG_DIR=$dir
  GULOU_PG_BIN=$bin
  GULOU_PG_PORT=$port
  export GULOU_PG_DIR GULOU_PG_BIN GULOU_PG_PORT
}

# gulou_pg_createdb NAME: creates the database when it does not exist.
gulou_pg_createdb() {
  local name=$1
  if ! "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -tAc \
      "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc "create database \"$name\"" >/dev/null
  fi
}

gulou_pg_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres;Password=postgres;Maximum Pool Size=%s\n' \
    "$GULOU_PG_PORT" "$1" "${2:-100}"
}

gulou_pg_stop() {
  local dir=${1:-$GULOU_PG_DIR}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  gulou_as_pg "$GULOU_PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# gulou_http_ok URL: true when URL answers 2xx (curl when present, bash's /dev/tcp otherwise).
gulou_http_ok() {
  local url=$1
  if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; return; fi
  local rest=${url#http://} hostport path
  hostport=${rest%%/*}; path=/${rest#*/}
  exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  local status; read -r _ status _ <&3; exec 3>&-
  [ "${status:0:1}" = 2 ]
}

# Requires the .NET SDK named by global.json (or a newer feature band).
gulou_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || gulou_die "the .NET SDK is needed (dotnet on PATH)"
}
