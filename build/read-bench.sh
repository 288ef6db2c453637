#!/usr/bin/env bash
# Progress reads against the primary-key select, one build beside another in the same run on the same cluster:
#   build/read-bench.sh [--against REV] [--rounds R] [--events N]
# Starts its own PostgreSQL (.local/pg-read) and a Release build of this checkout, and with --against one of REV (built
# from `git archive REV`), seeds N events (default 20,000) through the API as build/bench.sh does, then runs R rounds
# (default 3). In each round the floor, pgbench's primary-key select of one ~500-byte jsonb row at 16 clients, is
# measured, then each build in turn (ABBA order across rounds) is started and, for each progress view, read untimed for
# 5 s and timed for 10 s at 16 clients, as build/bench.sh's read phase does. Prints every measurement, then for each
# build and view the median p50 / p99 and reads a second, and the p99's ratio to the median floor.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/bench.sh
source "$root/build/lib/bench.sh"

against=""; rounds=3; events=20000
gulou_ab_args "build/read-bench.sh [--against REV] [--rounds R] [--events N]" "against rounds events" "$@"
gulou_require_tools wrk

gulou_bench_setup "$root/.local/read-bench" "$root/.local/pg-read" gulou_read
gulou_bench_builds "$root" "$against"

gulou_ab_nodes 5380

gulou_floor_table
sql -c "insert into floor.rows(data) select '$(printf '%s' "$gulou_floor_payload" | sed "s/'/''/g")'::jsonb from generate_series(1, 10000)"

start_node head
gulou_bench_partner
gulou_bench_seed "$events"
settle; stop_node

views=(progress progress/targets/T-COMPETITION)
declare -A p50 p99 rps
floors=()
for ((r = 1; r <= rounds; r++)); do
  gulou_ab_order "$r"
  settle
  pgbench_floor "select-$r" select.sql 16
  floor=$pg_p99; floors+=("$floor")
  gulou_log "round $r: PK select p99 $floor ms (load $(load))"
  for build in "${order[@]}"; do
    start_node "$build"
    for view in "${views[@]}"; do
      wrk -t 2 -c 16 -d 5s -s "$root/build/bench/get.lua" "$url/api/v1/$view" >/dev/null
      settle
      out="$work/get-$r-$build-${view//\//-}.out"
      wrk -t 2 -c 16 -d 10s --latency -s "$root/build/bench/get.lua" "$url/api/v1/$view" >"$out"
      p50[$build,$view]+=" $(wrk_ms 50 "$out")"; p99[$build,$view]+=" $(wrk_ms 99 "$out")"; rps[$build,$view]+=" $(wrk_rps "$out")"
      gulou_log "round $r, $build, /$view: p50 / p99 $(wrk_ms 50 "$out") / $(wrk_ms 99 "$out") ms, $(wrk_rps "$out") reads/s (load $(load))"
    done
    stop_node
  done
done

floor=$(median "${floors[@]}")
echo "PK select p99 (median of $rounds): $floor ms"
for build in "${builds[@]}"; do
  label=$(gulou_build_label "$root" "$build")
  for view in "${views[@]}"; do
    # shellcheck disable=SC2086
    m99=$(median ${p99[$build,$view]})
    # shellcheck disable=SC2086
    echo "$label: GET /api/v1/$view p50 / p99 $(median ${p50[$build,$view]}) / $m99 ms (p99s:${p99[$build,$view]}), $(median ${rps[$build,$view]}) reads/s, p99 $(awk -v a="$m99" -v b="$floor" 'BEGIN { printf "%.2f", a / b }') × PK select"
  done
done
