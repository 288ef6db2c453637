#!/usr/bin/env bash
# Benchmarks against the database's own floor, measured in the same run on the same cluster:
#   build/bench.sh [--events N] [--quick]      (default 1,000,000 events; --quick 50,000)
# Starts its own PostgreSQL (.local/pg-bench) and a Release build of the service, seeds a history through the public
# API, measures each figure beside its floor, prints one table and writes it into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet

events=1000000
while [ $# -gt 0 ]; do
  case $1 in
    --quick) events=50000 ;;
    --events) events=$2; shift ;;
    *) gulou_die "usage: build/bench.sh [--events N] [--quick]" ;;
  esac
  shift
done
for tool in wrk curl; do
  command -v "$tool" >/dev/null 2>&1 || gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >&2 \
    || { gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >&2; }
done

work="$root/.local/bench"
rm -rf "$work"; mkdir -p "$work"
admin_key=$(gulou_local_secret "$work/admin-key" glk_)
gulou_pg_start "$root/.local/pg-bench" durable
sql() { "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d gulou_bench -tAq "$@"; }
"$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc 'drop database if exists gulou_bench with (force)' >/dev/null
gulou_pg_createdb gulou_bench
db=$(gulou_pg_connection_string gulou_bench 100)

gulou_publish "$work/app"
dotnet build "$root/build/Bench" -c Release -nologo -clp:ErrorsOnly -o "$work/seed" >/dev/null
node_env=(ConnectionStrings__Gulou="$db" GULOU_ADMIN_KEY="$admin_key" GULOU_PERSON_KEY_SECRET=bench Gulou__Daemon=Solo
  Gulou__RateLimit__PermitsPerSecond=0 Gulou__AutoCreateSchema=false Logging__LogLevel__Default=Warning)
(cd "$work/app" && env "${node_env[@]}" dotnet Gulou.Events.Api.dll db-apply >"$work/db-apply.log" 2>&1) || gulou_die "db-apply failed"

# --- helpers -------------------------------------------------------------------------------------------
# percentile P FILE: the P-th percentile of the numbers in FILE (one per line).
percentile() { sort -n "$2" | awk -v p="$1" '{ a[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; print a[i] }'; }
# wrk_ms P OUTPUT: a latency percentile from wrk --latency, in milliseconds.
wrk_ms() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$2"; }
wrk_rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
port=$(gulou_free_port 5180)
url="http://127.0.0.1:$port"
# start_node: starts the service and sets node_pid and startup (seconds from launch to the first 200 on /health/ready).
start_node() {
  local t0; t0=$(now)
  gulou_start_node "$work/app" "$url" "$work/node.log" "${node_env[@]}"
  node_pid=$GULOU_NODE_PID
  until gulou_http_ok "$url/health/ready"; do
    kill -0 "$node_pid" 2>/dev/null || gulou_die "the service stopped while starting: see $work/node.log"
    sleep 0.02
  done
  startup=$(since "$t0")
}
node_pid=""
stop_node() { kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
trap 'stop_node; gulou_pg_stop' EXIT
rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
met() { awk -v v="$1" -v g="$2" -v dir="$3" 'BEGIN { print ((dir == "min" ? v >= g : v <= g) ? "met" : "**not met**") }'; }

# --- floors -------------------------------------------------------------------------------------------
gulou_log "measuring the database's floors"
payload=$(printf '{"externalRef":"floor-%%s","kind":"competition","title":"青少年科技竞赛","occurredOn":"2023-05-01","venue":"鼓楼区科技馆","community":"鼓东街道","measureCodes":["ACT-03"],"attendance":{"youth":120,"workers":0,"elderly":3,"cadres":0,"public":8},"volunteerHours":0,"contentHash":"%064d"}' 0)
sql -c "create schema floor; create table floor.rows(id bigserial primary key, data jsonb not null); create table floor.copied(data jsonb not null)"
printf "insert into floor.rows(data) values ('%s');\n" "$payload" >"$work/insert.sql"
declare -A floor_tps floor_p50 floor_p99
# pgbench -l writes one log per thread (PREFIX.PID, PREFIX.PID.1…); the third column is the latency in µs.
pgbench_latencies() { cat "$work/pgbench/$1".* | awk 'NF > 3 { print $3 / 1000 }' >"$work/$1.lat"; }
mkdir -p "$work/pgbench"
for c in 1 16 64; do
  (cd "$work" && "$GULOU_PG_BIN/pgbench" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -n -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T 10 -f insert.sql -l --log-prefix="pgbench/insert-$c" gulou_bench >"$work/pgb-insert-$c.out" 2>&1)
  floor_tps[$c]=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$work/pgb-insert-$c.out")
  pgbench_latencies "insert-$c"
  floor_p50[$c]=$(percentile 50 "$work/insert-$c.lat"); floor_p99[$c]=$(percentile 99 "$work/insert-$c.lat")
done
copy_rows=$(( events < 1000000 ? events : 1000000 ))
awk -v n="$copy_rows" -v p="$payload" 'BEGIN { for (i = 0; i < n; i++) print p }' >"$work/copy.jsonl"
t0=$(now); sql -c "\\copy floor.copied(data) from '$work/copy.jsonl'"; copy_in=$(awk -v n="$copy_rows" -v s="$(since "$t0")" 'BEGIN { printf "%.0f", n / s }')
printf '\\set id random(1, 10000)\nselect data from floor.rows where id = :id;\n' >"$work/select.sql"
(cd "$work" && "$GULOU_PG_BIN/pgbench" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -n -c 16 -j 2 -T 10 -f select.sql -l --log-prefix=pgbench/select gulou_bench >"$work/pgb-select.out" 2>&1)
pgbench_latencies select
select_p50=$(percentile 50 "$work/select.lat"); select_p99=$(percentile 99 "$work/select.lat")

# --- the service ------------------------------------------------------------------------------------------
gulou_log "starting the service and seeding ${events} events through the API"
start_node; first_start=$startup
seed=$(dotnet "$work/seed/Gulou.Events.Bench.dll" seed --api "$url" --admin-key "$admin_key" --events "$events" 2>"$work/seed.log")
read -r activities amended batch_seconds seed_seconds batch_rate <<<"$seed"
curl -s -H "X-Api-Key: $admin_key" "$url/api/v1/progress?waitForNonStale=true&waitSeconds=30" >/dev/null
partner=$(curl -s -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' -d '{"name":"bench partner","kind":"school","role":"partner"}' "$url/api/v1/institutions" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
export GULOU_BENCH_KEY
GULOU_BENCH_KEY=$(curl -s -X POST -H "X-Api-Key: $admin_key" "$url/api/v1/institutions/$partner/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')

declare -A post_rps post_p50 post_p99
for c in 1 16 64; do
  wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d 10s --latency -s "$root/build/bench/report.lua" "$url" >"$work/wrk-post-$c.out"
  post_rps[$c]=$(wrk_rps "$work/wrk-post-$c.out"); post_p50[$c]=$(wrk_ms 50 "$work/wrk-post-$c.out"); post_p99[$c]=$(wrk_ms 99 "$work/wrk-post-$c.out")
done
rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$node_pid/status")
curl -s -H "X-Api-Key: $admin_key" "$url/api/v1/progress?waitForNonStale=true&waitSeconds=30" >/dev/null
for view in progress progress/targets/T-COMPETITION; do
  name=${view//\//-}
  wrk -t 2 -c 16 -d 10s --latency -s "$root/build/bench/get.lua" "$url/api/v1/$view" >"$work/wrk-$name.out"
done

total_events=$(sql -c "select count(*) from gulou.mt_events")
year_events=$(sql -c "select count(*) from gulou.mt_events e join gulou.mt_doc_activityrecord a on a.id = e.stream_id and a.tenant_id = e.tenant_id where a.year = 2024")
gulou_log "rebuilding every projection ($total_events events)"
operation=$(curl -s -X POST -H "X-Api-Key: $admin_key" "$url/api/v1/admin/projections/rebuild" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
t0=$(now)
until state=$(curl -s -H "X-Api-Key: $admin_key" "$url/api/v1/admin/projections/operations/$operation" | grep -o '"state":"\(succeeded\|failed\)"'); do sleep 0.2; done
rebuild_seconds=$(since "$t0")
[ "$state" = '"state":"succeeded"' ] || gulou_die "the rebuild failed: see $work/node.log"
rebuild_rate=$(awk -v n="$total_events" -v s="$rebuild_seconds" 'BEGIN { printf "%.0f", n / s }')
t0=$(now); sql -c "\\copy (select * from gulou.mt_events) to '/dev/null'"; copy_out=$(awk -v n="$total_events" -v s="$(since "$t0")" 'BEGIN { printf "%.0f", n / s }')

as_of=$(date -u +%Y-%m-%dT%H:%M:%SZ)
review_seconds=$(curl -s -o /dev/null -w '%{time_total}' -H "X-Api-Key: $admin_key" "$url/api/v1/reviews/2024?asOf=$as_of")
year_rebuild=$(awk -v n="$year_events" -v r="$rebuild_rate" 'BEGIN { printf "%.2f", n / r }')

stop_node
start_node; cold_start=$startup
stop_node

# --- the table ------------------------------------------------------------------------------------------
row "single POST, 1 client: req/s" "${post_rps[1]}" "${floor_tps[1]} tps" "$(ratio "${post_rps[1]}" "${floor_tps[1]}")" "-" "-"
row "single POST, 16 clients: req/s" "${post_rps[16]}" "${floor_tps[16]} tps" "$(ratio "${post_rps[16]}" "${floor_tps[16]}")" "≥ 0.30" "$(met "$(ratio "${post_rps[16]}" "${floor_tps[16]}")" 0.30 min)"
row "single POST, 64 clients: req/s" "${post_rps[64]}" "${floor_tps[64]} tps" "$(ratio "${post_rps[64]}" "${floor_tps[64]}")" "-" "-"
for c in 1 16 64; do
  goal="-"; verdict="-"
  [ "$c" = 16 ] && { goal="p99 ≤ 25 ms"; verdict=$(met "${post_p99[$c]}" 25 max); }
  row "single POST, $c clients: p50 / p99 ms" "${post_p50[$c]} / ${post_p99[$c]}" "${floor_p50[$c]} / ${floor_p99[$c]}" "$(ratio "${post_p99[$c]}" "${floor_p99[$c]}") (p99)" "$goal" "$verdict"
done
row "batch ingest (1,000 per request): events/s" "$batch_rate" "${copy_in} rows/s (COPY in)" "$(ratio "$batch_rate" "$copy_in")" "≥ 0.20" "$(met "$(ratio "$batch_rate" "$copy_in")" 0.20 min)"
for view in progress progress/targets/T-COMPETITION; do
  name=${view//\//-}; p99=$(wrk_ms 99 "$work/wrk-$name.out")
  row "GET /api/v1/$view, 16 clients: p50 / p99 ms" "$(wrk_ms 50 "$work/wrk-$name.out") / $p99" "${select_p50} / ${select_p99} (PK select)" "$(ratio "$p99" "$select_p99") (p99)" "p99 ≤ 10 ms" "$(met "$p99" 10 max)"
done
row "full rebuild of every projection: events/s" "$rebuild_rate" "${copy_out} rows/s (COPY out)" "$(ratio "$rebuild_rate" "$copy_out")" "≥ 0.08" "$(met "$(ratio "$rebuild_rate" "$copy_out")" 0.08 min)"
row "as-of review of 2024: s" "$review_seconds" "${year_rebuild} s (rebuild of 2024's ${year_events} events)" "$(ratio "$review_seconds" "$year_rebuild")" "≤ 2" "$(met "$(ratio "$review_seconds" "$year_rebuild")" 2 max)"
row "cold start to first 200 on /health/ready: s" "$cold_start" "-" "-" "≤ 1.5 s" "$(met "$cold_start" 1.5 max)"
row "RSS after the ingest run: MB" "$rss_mb" "-" "-" "≤ 300 MB" "$(met "$rss_mb" 300 max)"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m), PostgreSQL $("$GULOU_PG_BIN/postgres" --version | awk '{ print $3 }')"
result=$(cat <<RESULT
<!-- results: written by build/bench.sh; everything between these markers is replaced on each run -->
Run on $(date -u +'%Y-%m-%d %H:%M UTC') at commit \`$commit\` on $machine.
Seeded ${events} events through the API: ${activities} activities in batches in ${batch_seconds} s, ${amended} amended by
single calls, plus designations and volunteers (${seed_seconds} s in all); ${total_events} events in the store.
First start on the empty schema: ${first_start} s.

| figure | value | floor | ratio | goal | |
|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")
<!-- /results -->
RESULT
)
printf '\n%s\n\n' "$result"
doc="$root/docs/benchmarks.md"
if [ -f "$doc" ] && grep -q '<!-- results' "$doc"; then
  awk -v r="$result" 'BEGIN { skip = 0 } /<!-- results/ { print r; skip = 1; next } /<!-- \/results -->/ { skip = 0; next } !skip { print }' "$doc" >"$doc.new" && mv "$doc.new" "$doc"
else
  printf '# Benchmarks\n\n%s\n' "$result" >"$doc"
fi
gulou_log "wrote docs/benchmarks.md"
