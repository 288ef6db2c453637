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
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/nodes.sh
source "$root/build/lib/nodes.sh"
gulou_require_dotnet

against=""; rounds=3; events=20000
while [ $# -gt 0 ]; do
  case $1 in
    --against) against=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --events) events=$2; shift ;;
    *) gulou_die "usage: build/rebuild-bench.sh [--against REV] [--rounds R] [--events N]" ;;
  esac
  shift
done

gulou_bench_setup "$root/.local/rebuild-bench" "$root/.local/pg-rebuild" gulou_rebuild
gulou_bench_builds "$root" "$against"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
port=$(gulou_free_port 5480)
url="http://127.0.0.1:$port"
node_pid=""
start_node() {
  gulou_start_node "$work/$1" "$url" "$work/node-$1.log" "${node_env[@]}"
  node_pid=$GULOU_NODE_PID
  gulou_wait_ready "$url" 120 || gulou_die "the $1 build did not start: see $work/node-$1.log"
}
stop_node() { [ -z "$node_pid" ] || { kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }; node_pid=""; }
trap 'stop_node; gulou_pg_stop' EXIT
settle() {
  [ -z "$node_pid" ] || gulou_caught_up 1800 sql || gulou_die "the projections did not catch up: see $work/node-*.log"
  sql -c "vacuum analyze" -c "checkpoint"
}
seed() { dotnet "$work/seed/Gulou.Events.Bench.dll" "$@" --api "$url" --admin-key "$admin_key" --state "$work/seed-state.json" 2>>"$work/seed.log"; }

start_node head
gulou_log "seeding $events events"
seed seed --run seed --events "$events" --institutions $(( events / 500 < 20 ? 20 : events / 500 )) >/dev/null || gulou_die "seeding failed: see $work/seed.log"
settle; stop_node
total=$(sql -c "select count(*) from gulou.mt_events")

declare -A rates
floors=()
for ((r = 1; r <= rounds; r++)); do
  order=("${builds[@]}")
  if [ $((r % 2)) = 0 ] && [ ${#builds[@]} = 2 ]; then order=("${builds[1]}" "${builds[0]}"); fi
  settle
  t0=$(now); sql -c "\\copy (select * from gulou.mt_events) to '/dev/null'"; floor=$(rate "$total" "$(since "$t0")")
  floors+=("$floor")
  gulou_log "round $r: COPY out $floor rows/s (load $(load))"
  for build in "${order[@]}"; do
    start_node "$build"
    settle
    operation=$(curl -s -X POST -H "X-Api-Key: $admin_key" "$url/api/v1/admin/projections/rebuild" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    [ -n "$operation" ] || gulou_die "the rebuild did not start: see $work/node-$build.log"
    t0=$(now)
    until state=$(curl -s -H "X-Api-Key: $admin_key" "$url/api/v1/admin/projections/operations/$operation" | grep -o '"state":"\(succeeded\|failed\)"'); do
      kill -0 "$node_pid" 2>/dev/null || gulou_die "the $build build stopped during the rebuild: see $work/node-$build.log"
      sleep 0.2
    done
    seconds=$(since "$t0")
    [ "$state" = '"state":"succeeded"' ] || gulou_die "the rebuild of the $build build failed: see $work/node-$build.log"
    rates[$build]+=" $(rate "$total" "$seconds")"
    gulou_log "round $r, $build: rebuild of $total events in $seconds s, $(rate "$total" "$seconds") events/s, $(awk -v a="$(rate "$total" "$seconds")" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of COPY out (load $(load))"
    stop_node
  done
done

floor=$(median "${floors[@]}")
echo "COPY out (median of $rounds): $floor rows/s"
for build in "${builds[@]}"; do
  # shellcheck disable=SC2086
  m=$(median ${rates[$build]})
  # shellcheck disable=SC2086
  echo "$(gulou_build_label "$root" "$build"): rebuild $m events/s (median of$(printf ' %s' ${rates[$build]})), $(awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of COPY out"
done
