#!/usr/bin/env bash
# Runs the service on this machine with one command.
#   GULOU_DB         an Npgsql connection string; unset: a private PostgreSQL cluster under .local/pg
#                    (installed from Debian's packages when missing) on a free port
#   GULOU_URLS       where the service listens (default http://127.0.0.1:5080)
#   GULOU_ADMIN_KEY  the bootstrap administrator key; unset: generated once, kept in .local/admin-key
#   GULOU_SUPER_ADMIN_KEY  the key that creates districts; unset: generated once, kept in .local/super-admin-key
#   GULOU_PERSON_KEY_SECRET  the secret volunteers' ID numbers are hashed under; unset: generated once,
#                    kept in .local/person-key-secret (changing it later splits every volunteer in two)
#   GULOU_PERSON_MASTER_KEY  the master key of the person register; unset: generated once, kept in
#                    .local/person-master-key (losing it makes every name and contact unreadable)
# Ctrl-C or SIGTERM stops the service and the private cluster. Data is kept between runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
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
  GULOU_ADMIN_KEY=$(gulou_local_secret "$local_dir/admin-key" glk_)
  key_note="(kept in .local/admin-key)"
else
  key_note="(from GULOU_ADMIN_KEY)"
fi
GULOU_SUPER_ADMIN_KEY=${GULOU_SUPER_ADMIN_KEY:-$(gulou_local_secret "$local_dir/super-admin-key" glk_)}
GULOU_PERSON_KEY_SECRET=${GULOU_PERSON_KEY_SECRET:-$(gulou_local_secret "$local_dir/person-key-secret")}
GULOU_PERSON_MASTER_KEY=${GULOU_PERSON_MASTER_KEY:-$(gulou_local_secret "$local_dir/person-master-key")}
export GULOU_ADMIN_KEY GULOU_SUPER_ADMIN_KEY GULOU_PERSON_KEY_SECRET GULOU_PERSON_MASTER_KEY
export GULOU_URLS=${GULOU_URLS:-http://127.0.0.1:5080}

gulou_publish "$local_dir/app"

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

gulou_start_node "$local_dir/app" "$GULOU_URLS" -
app_pid=$GULOU_NODE_PID

gulou_wait_ready "${GULOU_URLS%%;*}" || gulou_die "the service did not become ready"
cat <<MSG

  Gulou.Events is ready at ${GULOU_URLS}
    OpenAPI:   ${GULOU_URLS%%;*}/swagger
    dashboard: ${GULOU_URLS%%;*}/dashboard
    administrator key ${key_note}:
      ${GULOU_ADMIN_KEY}
    super-administrator key (creates districts: POST /api/v1/admin/districts):
      ${GULOU_SUPER_ADMIN_KEY}
  Ctrl-C stops the service and its database.

MSG
wait "$app_pid"
