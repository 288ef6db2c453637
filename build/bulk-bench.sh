#!/usr/bin/env bash
# Benchmark of bulk reporting: the same number of activities reported one call at a time, 8 calls at a time, in
# batches of 1,000 and as one CSV import, against one Release node on a private PostgreSQL (durable, as in
# production). Prints each way's time and its ratio to single calls.   build/bulk-bench.sh [--quick] [--activities N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet
command -v curl >/dev/null 2>&1 || gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >&2

activities=5000
while [ $# -gt 0 ]; do
  case $1 in
    --quick) activities=1000 ;;
    --activities) activities=$2; shift ;;
    *) gulou_die "unknown argument: $1" ;;
  esac
  shift
done

work="$root/.local/bulk-bench"
rm -rf "$work"; mkdir -p "$work"
admin_key=$(gulou_local_secret "$work/admin-key" glk_)
gulou_pg_start "$root/.local/pg-bulk-bench" durable
"$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc 'drop database if exists gulou_bulk_bench with (force)' >/dev/null
gulou_pg_createdb gulou_bulk_bench

gulou_publish "$work/app"
dotnet build "$root/build/BulkBenchmark" -c Release -nologo -clp:ErrorsOnly -o "$work/bench" >/dev/null

port=$(gulou_free_port 5095)
node=""
stop_all() {
  [ -n "$node" ] && { kill -TERM "$node" 2>/dev/null || true; wait "$node" 2>/dev/null || true; }
  gulou_pg_stop
}
trap stop_all EXIT
gulou_start_node "$work/app" "http://127.0.0.1:$port" "$work/node.log" ConnectionStrings__Gulou="$(gulou_pg_connection_string gulou_bulk_bench 40)" \
  GULOU_ADMIN_KEY="$admin_key" Gulou__Daemon=Solo Gulou__RateLimit__PermitsPerSecond=0 GULOU_PERSON_KEY_SECRET=bench GULOU_PERSON_MASTER_KEY=bench
node=$GULOU_NODE_PID
gulou_wait_ready "http://127.0.0.1:$port" || gulou_die "the service did not start; see $work/node.log"

api() { curl -s --max-time 10 -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' "$@"; }
partner=$(api -d '{"name":"福州大学","kind":"university","role":"partner"}' "http://127.0.0.1:$port/api/v1/institutions" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
key=$(api -X POST "http://127.0.0.1:$port/api/v1/institutions/$partner/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || gulou_die "could not register a partner"

dotnet "$work/bench/Gulou.Events.BulkBenchmark.dll" --url "http://127.0.0.1:$port" --key "$key" --activities "$activities"
