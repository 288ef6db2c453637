#!/usr/bin/env bash
# Fault test: three nodes on one private PostgreSQL under load; the node running the projection daemon is
# killed with SIGKILL, then PostgreSQL is restarted. Afterwards every acknowledged report must be stored exactly
# once, nothing unacknowledged half-written, every projection equal to a replay of the log, the outage answered
# with 503 problem details, and the service recovered without a restart. Prints the counts; exits non-zero on
# any breach.   build/faults.sh [--short]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
gulou_trace_errors
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet
command -v curl >/dev/null 2>&1 || gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >&2

seconds=40; kill_at=8; restart_at=18
if [ "${1:-}" = --short ]; then seconds=24; kill_at=5; restart_at=12; fi
work="$root/.local/faults"
rm -rf "$work"; mkdir -p "$work"
admin_key=$(gulou_local_secret "$work/admin-key" glk_)
tenant=gulou

gulou_pg_start "$root/.local/pg-faults" durable
"$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc 'drop database if exists gulou_faults with (force)' >/dev/null
gulou_pg_createdb gulou_faults
db=$(gulou_pg_connection_string gulou_faults 40)
psql_faults() { "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d gulou_faults -tAq "$@"; }

gulou_publish "$work/app"
dotnet build "$root/build/LoadGenerator" -c Release -nologo -clp:ErrorsOnly -o "$work/load" >/dev/null

declare -A pids
first=$(gulou_free_port 5091); second=$(gulou_free_port $((first + 1))); third=$(gulou_free_port $((second + 1)))
ports=("$first" "$second" "$third")
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  gulou_pg_stop
}
trap stop_all EXIT
node_env=(ConnectionStrings__Gulou="$db" GULOU_ADMIN_KEY="$admin_key" Gulou__Daemon=HotCold Gulou__RateLimit__PermitsPerSecond=0 GULOU_PERSON_KEY_SECRET=faults GULOU_PERSON_MASTER_KEY=faults Gulou__AutoCreateSchema=false)
gulou_log "migrating the schema (db-apply), as a deployment does before it starts nodes"
(cd "$work/app" && env "${node_env[@]}" dotnet Gulou.Events.Api.dll db-apply >"$work/db-apply.log" 2>&1) || gulou_die "db-apply failed; see $work/db-apply.log"
for port in "${ports[@]}"; do
  gulou_start_node "$work/app" "http://127.0.0.1:$port" "$work/node-$port.log" "${node_env[@]}"
  pids[$port]=$GULOU_NODE_PID
done
for port in "${ports[@]}"; do gulou_wait_ready "http://127.0.0.1:$port" || gulou_die "node $port did not start; see $work/node-$port.log"; done

api() { curl -s --max-time 5 -H "X-Api-Key: $1" -H 'Content-Type: application/json' "${@:2}"; }
partner=$(api "$admin_key" -d '{"name":"福州大学","kind":"university","role":"partner"}' http://127.0.0.1:$first/api/v1/institutions | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
key=$(api "$admin_key" -X POST "http://127.0.0.1:$first/api/v1/institutions/$partner/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$key" ] || gulou_die "could not register a partner"

# The node whose daemon holds the projections answers "running" for Progress; the others "on_another_node".
daemon_node() {
  local port
  for port in "$@"; do
    if api "$admin_key" "http://127.0.0.1:$port/api/v1/admin/projections" | grep -q '"name":"Progress","lifecycle":"async","state":"running"'; then
      printf '%s\n' "$port"; return 0
    fi
  done
  return 1
}
for _ in $(seq 1 60); do leader=$(daemon_node "${ports[@]}") && break; sleep 0.5; done
[ -n "${leader:-}" ] || gulou_die "no node runs the projection daemon"
gulou_log "node $leader runs the projection daemon"

nodes=$(printf 'http://127.0.0.1:%s,' "${ports[@]}")
gulou_log "reporting through all three nodes for ${seconds} s"
dotnet "$work/load/Gulou.Events.LoadGenerator.dll" --nodes "${nodes%,}" --key "$key" --seconds "$seconds" --concurrency 12 --out "$work/outcomes.tsv" --prefix faults >"$work/load.log" 2>&1 &
load_pid=$!

sleep "$kill_at"
gulou_log "kill -9 node $leader"
kill -KILL "${pids[$leader]}"; wait "${pids[$leader]}" 2>/dev/null || true; unset "pids[$leader]"
survivors=(); for port in "${ports[@]}"; do [ "$port" = "$leader" ] || survivors+=("$port"); done
killed_at=$(date +%s.%N); takeover=""
for _ in $(seq 1 120); do
  if new=$(daemon_node "${survivors[@]}"); then takeover=$(awk -v a="$killed_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'); break; fi
  sleep 0.25
done
[ -n "$takeover" ] && gulou_log "node $new took the projections over after ${takeover} s"

sleep $((restart_at - kill_at))
gulou_log "restarting PostgreSQL (down for 3 s)"
gulou_as_pg "$GULOU_PG_BIN/pg_ctl" -D "$GULOU_PG_DIR/data" -m fast -w stop >/dev/null
outage=$(for port in "${survivors[@]}"; do curl -s -o /dev/null -w '%{http_code} %{content_type}\n' --max-time 5 -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
  -d '{"externalRef":"during-outage","kind":"competition","title":"t","occurredOn":"2023-01-01"}' "http://127.0.0.1:$port/api/v1/activities" || true; done)
sleep 3
gulou_as_pg "$GULOU_PG_BIN/pg_ctl" -D "$GULOU_PG_DIR/data" -o "-p $GULOU_PG_PORT" -l "$GULOU_PG_DIR/postgres.log" -w start >/dev/null
wait "$load_pid" || true

# Recovered without a restart: each surviving node takes a report and the projections catch up.
recovered=0
for port in "${survivors[@]}"; do
  for _ in $(seq 1 40); do
    # A request that times out while the node's pool reconnects answers 000; it is tried again.
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"externalRef\":\"after-$port\",\"kind\":\"competition\",\"title\":\"t\",\"occurredOn\":\"2023-01-01\"}" "http://127.0.0.1:$port/api/v1/activities") || true
    [ "$status" = 201 ] && { recovered=$((recovered + 1)); break; }
    sleep 0.5
  done
done
# The daemon may pause after the outage before it resumes, so the wait is asked again for up to two minutes.
caught_up=""
for _ in 1 2 3 4; do
  caught_up=$(curl -s --max-time 35 -H "X-Api-Key: $key" "http://127.0.0.1:${survivors[0]}/api/v1/progress?waitForNonStale=true&waitSeconds=30" \
    | grep -o '"caughtUp":[a-z]*' | head -n 1) || true
  [ "$caught_up" = '"caughtUp":true' ] && break
done

for port in "${!pids[@]}"; do kill -TERM "${pids[$port]}" 2>/dev/null || true; wait "${pids[$port]}" 2>/dev/null || true; done
pids=()

# The verdict, from the outcomes file and the store itself. Streams without a type are the store's own
# tombstone markers for sequence numbers of transactions that failed; they are not reports.
cut -f1,2 "$work/outcomes.tsv" | awk -F'\t' '$2 ~ /^2/ {print $1}' >"$work/acknowledged.txt"
cut -f1,2 "$work/outcomes.tsv" | awk -F'\t' '$2 !~ /^2/ {print $1}' >"$work/unacknowledged.txt"
sent=$(wc -l <"$work/outcomes.tsv")
acknowledged=$(wc -l <"$work/acknowledged.txt")
server_errors=$(awk -F'\t' '$2 >= 500 && $2 != 503' "$work/outcomes.tsv" | wc -l)
bare_503=$(awk -F'\t' '$2 == 503 && $4 != "store_unavailable"' "$work/outcomes.tsv" | wc -l)
answered_503=$(awk -F'\t' '$2 == 503' "$work/outcomes.tsv" | wc -l)
reported() { psql_faults -c "create temp table refs(ref text)" -c "\\copy refs from '$1'" -c "$2"; }
stored=$(psql_faults -c "select count(*) from gulou.mt_events where type = 'activity_reported' and tenant_id = '$tenant' and data->>'externalRef' like 'faults-%'")
lost=$(reported "$work/acknowledged.txt" "select count(*) from refs r where not exists (select 1 from gulou.mt_events e where e.type = 'activity_reported' and e.tenant_id = '$tenant' and e.data->>'externalRef' = r.ref)")
duplicated=$(psql_faults -c "select count(*) from (select data->>'externalRef' from gulou.mt_events where type = 'activity_reported' and tenant_id = '$tenant' group by 1 having count(*) > 1) d")
committed_unacknowledged=$(reported "$work/unacknowledged.txt" "select count(*) from refs r where exists (select 1 from gulou.mt_events e where e.type = 'activity_reported' and e.tenant_id = '$tenant' and e.data->>'externalRef' = r.ref)")
half_written=$(psql_faults -c "
  select count(*) from gulou.mt_streams s
  left join (select stream_id, tenant_id, max(version) v, count(*) c from gulou.mt_events group by 1, 2) e on e.stream_id = s.id and e.tenant_id = s.tenant_id
  left join gulou.mt_doc_activityrecord a on a.id = s.id and a.tenant_id = s.tenant_id
  where s.tenant_id = '$tenant' and s.type is not null
    and (e.v is null or e.v <> s.version or e.c <> s.version or (s.type = 'activity_record' and a.id is null))")
verify=0
(cd "$work/app" && env ConnectionStrings__Gulou="$db" Gulou__Daemon=Disabled dotnet Gulou.Events.Api.dll projections verify >"$work/verify.log" 2>&1) || verify=$?

cat <<REPORT

  fault test: kill -9 of the daemon node after ${kill_at} s, PostgreSQL restart after ${restart_at} s, ${seconds} s of load
  ---------------------------------------------------------------
  sent                         ${sent}
  acknowledged (2xx)           ${acknowledged}
  stored                       ${stored}
  lost (acknowledged, absent)  ${lost}
  duplicated                   ${duplicated}
  half-written streams         ${half_written}
  unacknowledged but stored    ${committed_unacknowledged}  (committed, the answer lost with the node: whole, and found again by a resend)
  503 problem answers          ${answered_503} (without a problem body: ${bare_503})
  other 5xx                    ${server_errors}
  requests during the outage   $(echo "$outage" | tr '\n' ';')
  daemon takeover              ${takeover:-none} s
  recovered nodes              ${recovered}/${#survivors[@]} (${caught_up:-no answer})
  projections vs replay        $([ "$verify" = 0 ] && echo equal || echo "DIFFERENT (see $work/verify.log)")

REPORT
failed=0
[ "$lost" = 0 ] && [ "$duplicated" = 0 ] && [ "$half_written" = 0 ] || failed=1
[ "$server_errors" = 0 ] && [ "$bare_503" = 0 ] || failed=1
[ -n "$takeover" ] && [ "$recovered" = "${#survivors[@]}" ] && [ "$caught_up" = '"caughtUp":true' ] && [ "$verify" = 0 ] || failed=1
echo "$outage" | grep -qv '^503 application/problem+json' && failed=1
[ "$failed" = 0 ] && printf '\033[1;32mFAULT TEST PASSED\033[0m\n' || printf '\033[1;31mFAULT TEST FAILED\033[0m\n'
exit "$failed"
