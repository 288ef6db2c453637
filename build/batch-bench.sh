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
# shellcheck source=lib/bench.sh
source "$root/build/lib/bench.sh"

against=""; rounds=3; batches=10; concurrency=4
gulou_ab_args "build/batch-bench.sh [--against REV] [--rounds R] [--batches N] [--concurrency C]" "against rounds batches concurrency" "$@"
copy_rows=50000

gulou_bench_setup "$root/.local/batch-bench" "$root/.local/pg-batch" gulou_batch

gulou_bench_builds "$root" "$against"

gulou_ab_nodes 5280

awk -v n="$copy_rows" -v p="$gulou_floor_payload" 'BEGIN { for (i = 0; i < n; i++) print p }' >"$work/copy.jsonl"
sql -c "create schema floor"

start_node head
gulou_log "registering partners"
seed partners --run partners --institutions 8 >/dev/null || gulou_die "registering partners failed: see $work/seed.log"
caught_up
stop_node

declare -A rates
floors=()
for ((r = 1; r <= rounds; r++)); do
  gulou_ab_order "$r"
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

gulou_ab_summary "batch ingest" "COPY in"
