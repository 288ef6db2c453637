#!/usr/bin/env bash
# Runs the service as three nodes on ports 5081–5083 against one private PostgreSQL (the cluster of
# build/run.sh, under .local/pg). The projection daemon runs on one node at a time (hot/cold): when that node
# dies another takes over. Ctrl-C or SIGTERM stops the nodes and the cluster. GULOU_DB and GULOU_ADMIN_KEY
# work as for build/run.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet
local_dir="$root/.local"
mkdir -p "$local_dir/cluster"

own_cluster=0
if [ -z "${GULOU_DB:-}" ]; then
  gulou_pg_start "$local_dir/pg" durable
  gulou_pg_createdb gulou
  GULOU_DB=$(gulou_pg_connection_string gulou 60)
  own_cluster=1
fi
GULOU_ADMIN_KEY=${GULOU_ADMIN_KEY:-$(gulou_local_secret "$local_dir/admin-key" glk_)}
GULOU_PERSON_KEY_SECRET=${GULOU_PERSON_KEY_SECRET:-$(gulou_local_secret "$local_dir/person-key-secret")}
GULOU_PERSON_MASTER_KEY=${GULOU_PERSON_MASTER_KEY:-$(gulou_local_secret "$local_dir/person-master-key")}
export GULOU_DB GULOU_ADMIN_KEY GULOU_PERSON_KEY_SECRET GULOU_PERSON_MASTER_KEY

gulou_publish "$local_dir/app"

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$own_cluster" = 1 ]; then gulou_log "stopping PostgreSQL"; gulou_pg_stop; fi
}
trap stop INT TERM EXIT

for port in 5081 5082 5083; do
  gulou_start_node "$local_dir/app" "http://127.0.0.1:$port" "$local_dir/cluster/node-$port.log" Gulou__Daemon=HotCold
  pids+=("$GULOU_NODE_PID")
done
for port in 5081 5082 5083; do
  gulou_wait_ready "http://127.0.0.1:$port" || gulou_die "node $port did not become ready; see .local/cluster/node-$port.log"
done
cat <<MSG

  Three Gulou.Events nodes are ready: http://127.0.0.1:5081, :5082, :5083 (logs in .local/cluster/)
  administrator key: ${GULOU_ADMIN_KEY}
  GET /api/v1/admin/projections on each node shows which one runs the projections.
  Ctrl-C stops the nodes and the database.

MSG
wait
