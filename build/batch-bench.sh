#!/usr/bin/env bash
# Batch ingest against COPY in, one build beside another in the same run on the same cluster:
#   build/batch-bench.sh [--against REV] [--rounds R] [--batches N] [--concurrency C]
# Starts its own PostgreSQL (.local/pg-batch) and a Release build of this checkout, and with --against one of REV
# (built from `git archive REV`), registers partners, then runs R rounds (default 3). In each round the floor, COPY in
# of 50,000 ~500-byte jsonb rows, is measured, then each build in turn (ABBA order across rounds, so neither always
# meets the larger table) is started, warmed with one batch, and sends N batches (default 10) of 1,000 new activities,
# C at a time (default 4), as build/bench.sh's batch phase does; the projections catch up and the database is
# vacuumed and checkpointed before every timed step. Prints every measurement, then for each build the median
# events/s and its ratio to the median floor.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet

against=""; rounds=3; batches=10; concurrency=4
while [ $# -gt 0 ]; do
  case $1 in
    --against) against=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --batches) batches=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    *) gulou_die "usage: build/batch-bench.sh [--against REV] [--rounds R] [--batches N] [--concurrency C]" ;;
  esac
  shift
done
copy_rows=50000

gulou_bench_setup "$root/.local/batch-bench" "$root/.local/pg-batch" gulou_batch

gulou_bench_builds "$root" "$against"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
port=$(gulou_free_port 5280)
url="http://127.0.0.1:$port"
node_pid=""
start_node() {
  gulou_start_node "$work/$1" "$url" "$work/node-$1.log" "${node_env[@]}"
  node_pid=$GULOU_NODE_PID
  gulou_wait_ready "$url" 120 || gulou_die "the $1 build did not start: see $work/node-$1.log"
}
stop_node() { [ -z "$node_pid" ] || { kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }; node_pid=""; }
trap 'stop_node; gulou_pg_stop' EXIT
caught_up() { gulou_caught_up 600 sql || gulou_die "the projections did not catch up: see $work/node-*.log"; }
vacuum() { sql -c "vacuum analyze" -c "checkpoint"; }
seed() { dotnet "$work/seed/Gulou.Events.Bench.dll" "$@" --api "$url" --admin-key "$admin_key" --state "$work/seed-state.json" 2>>"$work/seed.log"; }

payload=$(printf '{"externalRef":"floor-%%s","kind":"competition","title":"青少年科技竞赛","occurredOn":"2023-05-01","venue":"鼓楼区科技馆","community":"鼓东街道","measureCodes":["ACT-03"],"attendance":{"youth":120,"workers":0,"elderly":3,"cadres":0,"public":8},"volunteerHours":0,"contentHash":"%064d"}' 0)
awk -v n="$copy_rows" -v p="$payload" 'BEGIN { for (i = 0; i < n; i++) print p }' >"$work/copy.jsonl"
sql -c "create schema floor"

start_node head
gulou_log "registering partners"
seed partners --run partners --institutions 8 >/dev/null || gulou_die "registering partners failed: see $work/seed.log"
caught_up
stop_node

declare -A rates
floors=()
for ((r = 1; r <= rounds; r++)); do
  order=("${builds[@]}")
  if [ $((r % 2)) = 0 ] && [ ${#builds[@]} = 2 ]; then order=("${builds[1]}" "${builds[0]}"); fi
  sql -c "create table floor.copied(data jsonb not null)"
  vacuum
  t0=$(now); sql -c "\\copy floor.copied(data) from '$work/copy.jsonl'"; floor=$(rate "$copy_rows" "$(since "$t0")")
  sql -c "drop table floor.copied"
  floors+=("$floor")
  gulou_log "round $r: COPY in $floor rows/s (load $(load))"
  for build in "${order[@]}"; do
    start_node "$build"
    seed batches --run "warm-$r-$build" --batches 1 --concurrency 1 >/dev/null || gulou_die "the warm-up batch failed: see $work/seed.log"
    caught_up; vacuum
    out=$(seed batches --run "run-$r-$build" --batches "$batches" --concurrency "$concurrency") || gulou_die "the batches failed: see $work/seed.log"
    read -r created other seconds batch_rate <<<"$out"
    rates[$build]+=" $batch_rate"
    gulou_log "round $r, $build: $batch_rate events/s ($created created, $other not, $seconds s; $(awk -v a="$batch_rate" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of COPY in; load $(load))"
    caught_up; stop_node
  done
done

floor=$(median "${floors[@]}")
echo "COPY in (median of $rounds): $floor rows/s"
for build in "${builds[@]}"; do
  # shellcheck disable=SC2086
  m=$(median ${rates[$build]})
  label=$(gulou_build_label "$root" "$build")
  echo "$label: batch ingest $m events/s (median of$(printf ' %s' ${rates[$build]})), $(awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of COPY in"
done
