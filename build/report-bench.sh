#!/usr/bin/env bash
# Single reports against pgbench's insert, one build beside another in the same run on the same cluster:
#   build/report-bench.sh [--against REV] [--rounds R] [--events N]
# Starts its own PostgreSQL (.local/pg-report) and a Release build of this checkout, and with --against one of REV
# (built from `git archive REV`), seeds N events (default 20,000) through the API as build/bench.sh does, then runs R
# rounds (default 3). In each round the floor, pgbench's insert of one ~500-byte jsonb row per transaction at 16
# clients, is measured, then each build in turn (ABBA order across rounds) is started and sent new reports for 2 s
# untimed and 10 s timed at 16 clients (build/bench/report.lua, references unique to the run), as build/bench.sh's
# single-report phase does. Every timed report must answer 201. Prints every measurement with the processor time that
# the node and PostgreSQL spent per report, then for each build the median reports a second, their ratio to the median
# floor, and the median p99.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/bench.sh
source "$root/build/lib/bench.sh"

against=""; rounds=3; events=20000
gulou_ab_args "build/report-bench.sh [--against REV] [--rounds R] [--events N]" "against rounds events" "$@"
gulou_require_tools wrk

gulou_bench_setup "$root/.local/report-bench" "$root/.local/pg-report" gulou_report
gulou_bench_builds "$root" "$against"

gulou_ab_nodes 5580

gulou_floor_table

start_node head
gulou_bench_partner
export GULOU_BENCH_RUN
gulou_bench_seed "$events"
settle; stop_node

# per_report BEFORE AFTER: processor milliseconds a stored report between two readings of seconds.
per_report() { awk -v a="$1" -v b="$2" -v n="$created" 'BEGIN { printf "%.2f", (b - a) * 1000 / n }'; }
stamp=$(date +%s)
declare -A rates p99s
floors=()
for ((r = 1; r <= rounds; r++)); do
  gulou_ab_order "$r"
  settle
  pgbench_floor "insert-$r" insert.sql 16
  floors+=("$pg_tps")
  gulou_log "round $r: pgbench insert $pg_tps tps, p99 $pg_p99 ms (load $(load))"
  for build in "${order[@]}"; do
    start_node "$build"
    GULOU_BENCH_RUN="$stamp-$r-$build-warm" wrk -t 2 -c 16 -d 2s -s "$root/build/bench/report.lua" "$url" >/dev/null
    settle
    out="$work/post-$r-$build.out"
    node0=$(cpu); pg0=$(pg_cpu)
    GULOU_BENCH_RUN="$stamp-$r-$build" wrk -t 2 -c 16 -d 10s --latency -s "$root/build/bench/report.lua" "$url" >"$out"
    node1=$(cpu); pg1=$(pg_cpu)
    read -r created existing other < <(sed -n 's/^answers: //p' "$out")
    [ "$existing" = 0 ] && [ "$other" = 0 ] || gulou_die "round $r, $build: answers 201 / 200 / other $created / $existing / $other; see $out and $work/node-$build.log"
    rates[$build]+=" $(wrk_rps "$out")"; p99s[$build]+=" $(wrk_ms 99 "$out")"
    gulou_log "round $r, $build: $(wrk_rps "$out") reports/s, p50 / p99 $(wrk_ms 50 "$out") / $(wrk_ms 99 "$out") ms; processor ms a report: node $(per_report "$node0" "$node1"), PostgreSQL $(per_report "$pg0" "$pg1") (load $(load))"
    stop_node
  done
done

gulou_ab_summary "single reports" "pgbench's insert at 16 clients" reports/s tps
