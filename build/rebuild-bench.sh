#!/usr/bin/env bash
# A rebuild of the progress projection against COPY out of the event table, one build beside another in the same run
# on the same cluster:
#   build/rebuild-bench.sh [--against REV] [--rounds R] [--events N]
# Starts its own PostgreSQL (.local/pg-rebuild) and a Release build of this checkout, and with --against one of REV
# (built from `git archive REV`), seeds N events (default 20,000) through the API as build/bench.sh does, then runs R
# rounds (default 3). In each round the floor, COPY out of the event table, is measured, then each build in turn (ABBA
# order across rounds) is started and rebuilds every projection through POST /api/v1/admin/projections/rebuild, as
# build/bench.sh's rebuild phase does. Prints every measurement, then each build's median events/s and its ratio to
# the median floor.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/bench.sh
source "$root/build/lib/bench.sh"

against=""; rounds=3; events=20000
gulou_ab_args "build/rebuild-bench.sh [--against REV] [--rounds R] [--events N]" "against rounds events" "$@"

gulou_bench_setup "$root/.local/rebuild-bench" "$root/.local/pg-rebuild" gulou_rebuild
gulou_bench_builds "$root" "$against"

gulou_ab_nodes 5480

start_node head
gulou_bench_seed "$events"
settle; stop_node
total=$(sql -c "select count(*) from gulou.mt_events")

declare -A rates
floors=()
for ((r = 1; r <= rounds; r++)); do
  gulou_ab_order "$r"
  settle
  t0=$(now); sql -c "\\copy (select * from gulou.mt_events) to '/dev/null'"; floor=$(rate "$total" "$(since "$t0")")
  floors+=("$floor")
  gulou_log "round $r: COPY out $floor rows/s (load $(load))"
  for build in "${order[@]}"; do
    start_node "$build"
    settle
    seconds=$(gulou_rebuild "$url" "$admin_key" "$node_pid" "$work/node-$build.log") || gulou_die "the rebuild of the $build build failed: see $work/node-$build.log"
    rates[$build]+=" $(rate "$total" "$seconds")"
    gulou_log "round $r, $build: rebuild of $total events in $seconds s, $(rate "$total" "$seconds") events/s, $(awk -v a="$(rate "$total" "$seconds")" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of COPY out (load $(load))"
    stop_node
  done
done

gulou_ab_summary rebuild "COPY out"
