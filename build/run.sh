#!/usr/bin/env bash
# Runs the service on this machine with one command.
#   GULOU_DB         an Npgsql connection string; unset: a private PostgreSQL cluster under .local/pg
#                    (installed from Debian's packages when missing) on a free port
#   GULOU_URLS       where the service listens (default http://127.0.0.1:5080)
#   GULOU_ADMIN_KEY  the bootstrap administrator key; unset: generated once, kept in .local/admin-key
#   GULOU_PERSON_KEY_SECRET  the secret volunteers' ID numbers are hashed under; unset: generated once,
#                    kept in .local/person-key-secret (changing it later splits every volunteer in two)
# Ctrl-C or SIGTERM stops the service and the private cluster. Data is kept between runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
gulou_require_dotnet
local_dir="$root/.local"
mkdir -p "$local_dir"

own_cluster=0
if [ -z "${GULOU_DB:-}" ]; then
  gulou_pg_start "$local_dir/pg" durable
  gulou_pg_createdb gulou
  GULOU_DB=$(gulou_pg_connection_string gulou)
  own_cluster=1
fi
export GULOU_DB

if [ -z "${GULOU_ADMIN_KEY:-}" ]; then
  keyfile="$local_dir/admin-key"
  if [ ! -s "$keyfile" ]; then
    (umask 077; printf 'glk_%s\n' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$keyfile")
  fi
  GULOU_ADMIN_KEY=$(cat "$keyfile")
  key_note="(kept in .local/admin-key)"
else
  key_note="(from GULOU_ADMIN_KEY)"
fi
export GULOU_ADMIN_KEY

if [ -z "${GULOU_PERSON_KEY_SECRET:-}" ]; then
  secretfile="$local_dir/person-key-secret"
  if [ ! -s "$secretfile" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' >"$secretfile")
  fi
  GULOU_PERSON_KEY_SECRET=$(cat "$secretfile")
fi
export GULOU_PERSON_KEY_SECRET
export GULOU_URLS=${GULOU_URLS:-http://127.0.0.1:5080}

gulou_log "building the service (Release)"
dotnet publish "$root/services/Gulou.Events.Api" -c Release -o "$local_dir/app" -nologo -clp:ErrorsOnly >/dev/null

app_pid=
stop() {
  trap - INT TERM EXIT
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [ "$own_cluster" = 1 ]; then
    gulou_log "stopping PostgreSQL"
    gulou_pg_stop
  fi
}
trap stop INT TERM EXIT

(cd "$local_dir/app" && exec dotnet Gulou.Events.Api.dll) &
app_pid=$!

for _ in $(seq 1 120); do
  if gulou_http_ok "${GULOU_URLS%%;*}/health/ready"; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || true; gulou_die "the service exited during start-up"; }
  sleep 0.5
done
cat <<MSG

  Gulou.Events is ready at ${GULOU_URLS}
    OpenAPI:   ${GULOU_URLS%%;*}/swagger
    dashboard: ${GULOU_URLS%%;*}/dashboard
    administrator key ${key_note}:
      ${GULOU_ADMIN_KEY}
  Ctrl-C stops the service and its database.

MSG
wait "$app_pid"
