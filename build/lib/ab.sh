# shellcheck shell=bash
# What the benchmarks (build/bench.sh and the A/B scripts batch-bench.sh, read-bench.sh, rebuild-bench.sh,
# report-bench.sh) share: one node at a time of a build, its start timed, the seeder against it, the state every timed
# step starts from, the order of the builds in a round and the summary. Sourced by lib/bench.sh, after lib/pg.sh,
# lib/nodes.sh and lib/measure.sh; the functions that start nodes or seed are called after gulou_bench_builds.

# gulou_ab_args USAGE "NAME…" ARGS…: each --NAME VALUE of ARGS sets the variable NAME (the caller sets the defaults
# first); anything else prints USAGE and stops.
gulou_ab_args() {
  local usage=$1 names=" $2 " name
  shift 2
  while [ $# -gt 0 ]; do
    name=${1#--}
    { [ "$1" != "$name" ] && [[ $names == *" $name "* ]] && [ $# -ge 2 ]; } || gulou_die "usage: $usage"
    printf -v "$name" '%s' "$2"
    shift 2
  done
}

# gulou_ab_nodes PORT: the node's address (PORT or the next free one); the node and the cluster stop on exit.
gulou_ab_nodes() {
  gulou_trace_errors
  url="http://127.0.0.1:$(gulou_free_port "$1")"
  node_pid=""
  trap 'stop_node; gulou_pg_stop' EXIT
}

# start_node BUILD: starts the node of $work/BUILD and waits until it is ready; sets startup (seconds from launch to
# the first 200 on /health/ready) and startup_cpu (the processor time the node used until then).
start_node() {
  local t0
  t0=$(now)
  gulou_start_node "$work/$1" "$url" "$work/node-$1.log" "${node_env[@]}"
  node_pid=$GULOU_NODE_PID
  gulou_wait_ready "$url" 120 "$node_pid" 0.02 || gulou_die "the $1 build did not start: see $work/node-$1.log"
  startup=$(since "$t0"); startup_cpu=$(cpu)
}
# rss: the node's resident memory in MB; cpu: its processor time so far (user + system) in seconds.
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$node_pid/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$node_pid/stat"; }
stop_node() { [ -z "$node_pid" ] || { kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }; node_pid=""; }
seed() { dotnet "$work/seed/Gulou.Events.Bench.dll" "$@" --api "$url" --admin-key "$admin_key" --state "$work/seed-state.json" 2>>"$work/seed.log"; }
# gulou_bench_partner: registers the benchmark's partner through the running node and exports its key (GULOU_BENCH_KEY).
gulou_bench_partner() {
  local partner
  partner=$(curl -s -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' -d '{"name":"bench partner","kind":"school","role":"partner"}' "$url/api/v1/institutions" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  GULOU_BENCH_KEY=$(curl -s -X POST -H "X-Api-Key: $admin_key" "$url/api/v1/institutions/$partner/keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$GULOU_BENCH_KEY" ] || gulou_die "could not register the benchmark's partner: see $work/node-head.log"
  export GULOU_BENCH_KEY
}
# gulou_bench_seed EVENTS: seeds EVENTS events through the running node, one institution per 500 events (at least 20).
gulou_bench_seed() {
  gulou_log "seeding $1 events"
  seed seed --run seed --events "$1" --institutions $(( $1 / 500 < 20 ? 20 : $1 / 500 )) >/dev/null || gulou_die "seeding failed: see $work/seed.log"
}
# caught_up: every asynchronous projection has applied every stored event (when a node runs).
caught_up() { [ -z "$node_pid" ] || gulou_caught_up 1800 sql || gulou_die "the projections did not catch up: see $work/node-*.log"; }
vacuum() { sql -c "vacuum analyze" -c "checkpoint"; }
# settle: the state every timed step starts from.
settle() { caught_up; vacuum; }

# gulou_ab_order ROUND: sets order, the builds in the order of ROUND (ABBA across rounds).
gulou_ab_order() {
  order=("${builds[@]}")
  if [ $(($1 % 2)) = 0 ] && [ ${#builds[@]} = 2 ]; then order=("${builds[1]}" "${builds[0]}"); fi
}

# gulou_ab_summary WHAT FLOOR [UNIT] [FLOOR_UNIT]: each build's median of rates[BUILD] (in UNIT, default events/s)
# against the median of floors (in FLOOR_UNIT, default rows/s), FLOOR naming it; with p99s[BUILD] set, their median too.
gulou_ab_summary() {
  local floor m build p99
  floor=$(median "${floors[@]}")
  echo "$2 (median of ${#floors[@]}): $floor ${4:-rows/s}"
  for build in "${builds[@]}"; do
    # shellcheck disable=SC2086
    m=$(median ${rates[$build]}); p99=""
    # shellcheck disable=SC2086
    declare -p p99s >/dev/null 2>&1 && [ -n "${p99s[$build]:-}" ] && p99=", p99 $(median ${p99s[$build]}) ms (p99s:${p99s[$build]})"
    # shellcheck disable=SC2086
    echo "$(gulou_build_label "$root" "$build"): $1 $m ${3:-events/s} (median of$(printf ' %s' ${rates[$build]})), $(awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.3f", a / b }') of $2$p99"
  done
}
