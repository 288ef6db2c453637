#!/usr/bin/env bash
# Benchmarks against the database's own floor, measured in the same run on the same cluster, as the history grows:
#   build/bench.sh [--events N] [--quick]
# Seeds a history through the public API to the first size, measures every figure, seeds on to the next size and
# measures again: 100,000 and 1,000,000 events by default; --events N measures at each of 100,000, 1,000,000 and
# 5,000,000 below N and at N; --quick at 10,000 and 50,000 (what BENCH=1 build/test.sh runs).
# Before each timed phase the projections have caught up and the database is vacuumed, analysed and checkpointed;
# each floor (pgbench, COPY) is measured on the seeded cluster right before the phase it is compared with.
# Starts its own PostgreSQL (.local/pg-bench) and a Release build of the service, prints every figure beside its
# floor as it goes, then one table for the largest size and a growth table, and writes both into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/bench.sh
source "$root/build/lib/bench.sh"

events=""; quick=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --events) events=$2; shift ;;
    *) gulou_die "usage: build/bench.sh [--events N] [--quick]" ;;
  esac
  shift
done
# The sizes measured: each step below the last size, then the last size. --quick runs the same steps, smaller.
if [ "$quick" = 1 ]; then steps=(10000); events=${events:-50000}; else steps=(100000 1000000 5000000); events=${events:-1000000}; fi
sizes=()
for size in "${steps[@]}"; do [ "$size" -lt "$events" ] && sizes+=("$size"); done
sizes+=("$events")
# The load of each phase: batches of 1,000 in the batch phase, rows of the COPY floors.
batches=$(( quick ? 10 : 40 )); copy_rows=$(( quick ? 50000 : 200000 ))
gulou_require_tools wrk curl

gulou_bench_setup "$root/.local/bench" "$root/.local/pg-bench" gulou_bench

gulou_bench_builds "$root"
gulou_ab_nodes 5180
stamp=$(date +%s)

# --- helpers -------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || a == "-" || b == "" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
store_events() { sql -c "select count(*) from gulou.mt_events"; }
# Figures by size: v[SIZE,NAME] the value, f[SIZE,NAME] its floor.
declare -A v f
say() { gulou_log "  $*"; }

gulou_floor_table
awk -v n="$copy_rows" -v p="$gulou_floor_payload" 'BEGIN { for (i = 0; i < n; i++) print p }' >"$work/copy.jsonl"
# wrk_run NAME CLIENTS SCRIPT URL: wrk for 10 s with CLIENTS connections on 1–2 threads.
wrk_run() { wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d 10s --latency -s "$3" "$4" >"$work/$1.out"; }

gulou_log "starting the service on the empty schema"
start_node head; first_start=$startup; first_start_cpu=$startup_cpu
gulou_bench_partner
export GULOU_BENCH_RUN

for size in "${sizes[@]}"; do
  # --- seed on to SIZE events (the node seeds; it is restarted for the figures) --------------------------
  missing=$(( size - $(store_events) )); institutions=$(( size / 500 < 20 ? 20 : size / 500 > 10000 ? 10000 : size / 500 ))
  gulou_log "seeding on to $size events ($missing more, from $institutions partners)"
  if [ "$missing" -gt 0 ]; then
    out=$(seed seed --run "seed$size" --events "$missing" --institutions "$institutions") || gulou_die "seeding failed: see $work/seed.log"
    read -r activities amended batch_seconds seed_seconds batch_rate partners <<<"$out"
    v[$size,seed]="$activities activities in batches in $batch_seconds s ($batch_rate events/s), $amended amended by single calls ($seed_seconds s in all)"
  else
    v[$size,seed]="nothing to add"; partners=$institutions
  fi
  v[$size,partners]=$partners
  caught_up; stop_node
  settle
  v[$size,events]=$(store_events)

  gulou_log "measuring at $size events (${v[$size,events]} in the store, $partners partners)"
  v[$size,load]=$(load)
  # Three starts, the median reported: one start on a shared machine is one sample of its scheduling.
  starts=(); start_cpus=()
  for attempt in 1 2 3; do
    [ "$attempt" = 1 ] || stop_node
    start_node head; starts+=("$startup"); start_cpus+=("$startup_cpu")
    say "cold start $attempt to the first 200 on /health/ready: $startup s ($startup_cpu s of processor time); RSS $(rss) MB"
  done
  v[$size,start]=$(median "${starts[@]}"); v[$size,start_cpu]=$(median "${start_cpus[@]}"); v[$size,starts]="${starts[*]}"; v[$size,rss_start]=$(rss)
  GULOU_BENCH_RUN="$stamp-$size-warm" wrk -t 2 -c 4 -d 2s -s "$root/build/bench/report.lua" "$url" >/dev/null

  # Single reports against pgbench's insert of one jsonb row per transaction.
  for c in 1 16 64; do
    settle; pgbench_floor "insert-$size-$c" insert.sql "$c"
    f[$size,post_rps_$c]=$pg_tps; f[$size,post_p50_$c]=$pg_p50; f[$size,post_p99_$c]=$pg_p99
    settle; GULOU_BENCH_RUN="$stamp-$size-$c" wrk_run "post-$size-$c" "$c" "$root/build/bench/report.lua" "$url"
    v[$size,post_rps_$c]=$(wrk_rps "$work/post-$size-$c.out")
    v[$size,post_p50_$c]=$(wrk_ms 50 "$work/post-$size-$c.out"); v[$size,post_p99_$c]=$(wrk_ms 99 "$work/post-$size-$c.out")
    read -r created existing other <<<"$(awk '/^answers:/ { print $2, $3, $4 }' "$work/post-$size-$c.out")"
    v[$size,post_answers_$c]="$created / $existing / $other"
    say "single POST, $c clients: ${v[$size,post_rps_$c]} req/s against $pg_tps tps ($(ratio "${v[$size,post_rps_$c]}" "$pg_tps")), p50 / p99 ${v[$size,post_p50_$c]} / ${v[$size,post_p99_$c]} ms against $pg_p50 / $pg_p99; answers 201 / 200 / other: $created / $existing / $other"
    [ "$existing" = 0 ] && [ "$other" = 0 ] || gulou_log "  warning: not every request of this run stored a new activity"
  done
  v[$size,rss_load]=$(rss); sleep 30; v[$size,rss_idle]=$(rss)
  say "RSS after the 64-client run: ${v[$size,rss_load]} MB; after 30 s idle: ${v[$size,rss_idle]} MB"

  # Progress reads against pgbench's primary-key select of one jsonb row.
  settle; pgbench_floor "select-$size" select.sql 16
  f[$size,select_p50]=$pg_p50; f[$size,select_p99]=$pg_p99
  for view in progress progress/targets/T-COMPETITION; do
    name=${view//\//-}
    # Untimed first: right after a restart the runtime compiles the read path in tiers, and the first seconds of reads
    # set the p99 (a 10 s run from a fresh node measured 401 ms, the next 33 ms, the third 21 ms).
    wrk -t 2 -c 16 -d 5s -s "$root/build/bench/get.lua" "$url/api/v1/$view" >/dev/null
    settle; wrk_run "get-$size-$name" 16 "$root/build/bench/get.lua" "$url/api/v1/$view"
    v[$size,$name]="$(wrk_ms 50 "$work/get-$size-$name.out") / $(wrk_ms 99 "$work/get-$size-$name.out")"
    v[$size,${name}_p99]=$(wrk_ms 99 "$work/get-$size-$name.out")
    say "GET /api/v1/$view, 16 clients: p50 / p99 ${v[$size,$name]} ms against $pg_p50 / $pg_p99"
  done

  # Batches against COPY into a table of the same rows.
  settle
  sql -c "create table floor.copied(data jsonb not null)"
  t0=$(now); sql -c "\\copy floor.copied(data) from '$work/copy.jsonl'"; f[$size,batch]=$(rate "$copy_rows" "$(since "$t0")")
  sql -c "drop table floor.copied"
  # Untimed, as the single reports' warm-up: the runtime compiles the batch path in tiers over its first batches.
  seed batches --run "$stamp-$size-warm-batch" --batches 4 --concurrency 4 >/dev/null || gulou_die "the batch warm-up failed: see $work/seed.log"
  settle
  out=$(seed batches --run "$stamp-$size-batch" --batches "$batches" --concurrency 4) || gulou_die "the batch phase failed: see $work/seed.log"
  read -r created batch_other batch_seconds batch_rate <<<"$out"
  v[$size,batch]=$batch_rate
  say "batch ingest ($batches × 1,000, 4 at a time): $batch_rate events/s ($created created, $batch_other not) against COPY in ${f[$size,batch]} rows/s ($(ratio "$batch_rate" "${f[$size,batch]}"))"

  # Rebuild of every projection against COPY out of the event table; the as-of review of 2024 against the
  # rebuild of that year's events at the rebuild's rate.
  settle
  total=$(store_events)
  t0=$(now); sql -c "\\copy (select * from gulou.mt_events) to '/dev/null'"; f[$size,rebuild]=$(rate "$total" "$(since "$t0")")
  year_events=$(sql -c "select count(*) from gulou.mt_events e join gulou.mt_doc_activityrecord a on a.id = e.stream_id and a.tenant_id = e.tenant_id where a.year = 2024")
  if rebuild_seconds=$(gulou_rebuild "$url" "$admin_key" "$node_pid" "$work/node-head.log"); then
    v[$size,rebuild]=$(rate "$total" "$rebuild_seconds"); v[$size,rebuild_seconds]=$rebuild_seconds
    f[$size,review]=$(awk -v n="$year_events" -v r="${v[$size,rebuild]}" 'BEGIN { printf "%.2f", n / r }')
  else
    v[$size,rebuild]="-"; v[$size,rebuild_seconds]="failed after $rebuild_seconds"; f[$size,review]="-"
  fi
  say "rebuild of every projection ($total events): ${v[$size,rebuild_seconds]} s, ${v[$size,rebuild]} events/s against COPY out ${f[$size,rebuild]} rows/s ($(ratio "${v[$size,rebuild]}" "${f[$size,rebuild]}"))"
  f[$size,year_events]=$year_events
  settle
  v[$size,review]=$(curl -s -o /dev/null -w '%{time_total}' -H "X-Api-Key: $admin_key" "$url/api/v1/reviews/2024?asOf=$(date -u +%Y-%m-%dT%H:%M:%SZ)" | awk '{ printf "%.2f", $1 }')
  say "as-of review of 2024: ${v[$size,review]} s against ${f[$size,review]} s (the rebuild of its $year_events events)"
  v[$size,load]+=" / $(load)"
done
stop_node

# --- the tables -----------------------------------------------------------------------------------------
met() { awk -v v="$1" -v g="$2" -v dir="$3" 'BEGIN { if (v == "" || v == "-") print "-"; else print ((dir == "min" ? v >= g : v <= g) ? "met" : "**not met**") }'; }
# goal VALUE THRESHOLD TEXT min|max: the goal and the verdict, two cells.
goal() { printf '%s | %s' "$3" "$(met "$1" "$2" "$4")"; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
s=${sizes[-1]}
rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s | %s |' "$@")"); }
for c in 1 16 64; do
  r=$(ratio "${v[$s,post_rps_$c]}" "${f[$s,post_rps_$c]}")
  row "single POST, $c client$([ "$c" = 1 ] || echo s): req/s" "${v[$s,post_rps_$c]}" "${f[$s,post_rps_$c]} tps (pgbench insert)" "$r" "$([ "$c" = 16 ] && goal "$r" 0.30 "≥ 0.30" min || echo '- | -')"
done
for c in 1 16 64; do
  row "single POST, $c client$([ "$c" = 1 ] || echo s): p50 / p99 ms" "${v[$s,post_p50_$c]} / ${v[$s,post_p99_$c]}" "${f[$s,post_p50_$c]} / ${f[$s,post_p99_$c]}" \
    "$(ratio "${v[$s,post_p99_$c]}" "${f[$s,post_p99_$c]}") (p99)" "$([ "$c" = 16 ] && goal "${v[$s,post_p99_$c]}" 25 "p99 ≤ 25 ms" max || echo '- | -')"
done
for c in 1 16 64; do row "single POST, $c client$([ "$c" = 1 ] || echo s): answers 201 / 200 / other" "${v[$s,post_answers_$c]}" "-" "-" "- | -"; done
r=$(ratio "${v[$s,batch]}" "${f[$s,batch]}")
row "batch ingest ($batches × 1,000, 4 at a time): events/s" "${v[$s,batch]}" "${f[$s,batch]} rows/s (COPY in)" "$r" "$(goal "$r" 0.20 "≥ 0.20" min)"
for name in progress progress-targets-T-COMPETITION; do
  row "GET /api/v1/${name/-targets-//targets/}, 16 clients: p50 / p99 ms" "${v[$s,$name]}" "${f[$s,select_p50]} / ${f[$s,select_p99]} (PK select)" \
    "$(ratio "${v[$s,${name}_p99]}" "${f[$s,select_p99]}") (p99)" "$(goal "${v[$s,${name}_p99]}" 10 "p99 ≤ 10 ms" max)"
done
r=$(ratio "${v[$s,rebuild]}" "${f[$s,rebuild]}")
row "full rebuild of every projection: events/s" "${v[$s,rebuild]} (${v[$s,rebuild_seconds]} s)" "${f[$s,rebuild]} rows/s (COPY out)" "$r" "$(goal "$r" 0.08 "≥ 0.08" min)"
r=$(ratio "${v[$s,review]}" "${f[$s,review]}")
row "as-of review of 2024: s" "${v[$s,review]}" "${f[$s,review]} s (rebuild of 2024's ${f[$s,year_events]} events)" "$r" "$(goal "$r" 2 "≤ 2" max)"
row "cold start to the first 200 on /health/ready, median of 3: s (processor s)" "${v[$s,start]} (${v[$s,start_cpu]})" "-" "-" "$(goal "${v[$s,start]}" 1.5 "≤ 1.5 s" max)"
row "RSS after the 64-client run: MB" "${v[$s,rss_load]}" "-" "-" "$(goal "${v[$s,rss_load]}" 300 "≤ 300 MB" max)"
row "RSS after 30 s idle / after the start: MB" "${v[$s,rss_idle]} / ${v[$s,rss_start]}" "-" "-" "- | -"

# The growth table: each figure at each size, with its ratio to the floor measured at that size.
with() { local r; r=$(ratio "$1" "$2"); [ "$r" = - ] && printf '%s' "$1" || printf '%s (%s)' "$1" "$r"; }
growth=(); grow() { local label=$1 line; shift; line="| $label"; for s in "${sizes[@]}"; do line+=" | $("$@")"; done; growth+=("$line |"); }
grow "events in the store / partners" eval 'printf "%s / %s" "${v[$s,events]}" "${v[$s,partners]}"'
grow "machine load (1-minute average) when the measurements began / ended" eval 'printf "%s" "${v[$s,load]}"'
for c in 1 16 64; do grow "single POST, $c client$([ "$c" = 1 ] || echo s): req/s (to pgbench insert)" eval 'with "${v[$s,post_rps_'$c']}" "${f[$s,post_rps_'$c']}"'; done
grow "single POST, 16 clients: p99 ms (to pgbench insert)" eval 'with "${v[$s,post_p99_16]}" "${f[$s,post_p99_16]}"'
grow "batch ingest: events/s (to COPY in)" eval 'with "${v[$s,batch]}" "${f[$s,batch]}"'
grow "GET /api/v1/progress: p99 ms (to PK select)" eval 'with "${v[$s,progress_p99]}" "${f[$s,select_p99]}"'
grow "GET /api/v1/progress/targets/T-COMPETITION: p99 ms (to PK select)" eval 'with "${v[$s,progress-targets-T-COMPETITION_p99]}" "${f[$s,select_p99]}"'
grow "full rebuild: events/s (to COPY out)" eval 'with "${v[$s,rebuild]}" "${f[$s,rebuild]}"'
grow "full rebuild: s" eval 'printf "%s" "${v[$s,rebuild_seconds]}"'
grow "as-of review of 2024: s (to its rebuild)" eval 'with "${v[$s,review]}" "${f[$s,review]}"'
grow "cold start, median of 3: s (processor s)" eval 'printf "%s (%s)" "${v[$s,start]}" "${v[$s,start_cpu]}"'
grow "cold starts, each: s" eval 'printf "%s" "${v[$s,starts]}"'
grow "RSS after the 64-client run / after 30 s idle: MB" eval 'printf "%s / %s" "${v[$s,rss_load]}" "${v[$s,rss_idle]}"'
grow "floors: pgbench insert tps (16 clients) / PK select p99 ms / COPY in / COPY out rows/s" eval 'printf "%s / %s / %s / %s" "${f[$s,post_rps_16]}" "${f[$s,select_p99]}" "${f[$s,batch]}" "${f[$s,rebuild]}"'

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m), PostgreSQL $("$GULOU_PG_BIN/postgres" --version | awk '{ print $3 }')"
header="| figure |"; rule="|---|"; for s in "${sizes[@]}"; do header+=" $(thousands "$s") events |"; rule+="---|"; done
seeding=$(for s in "${sizes[@]}"; do printf -- '- to %s events: %s.\n' "$(thousands "$s")" "${v[$s,seed]}"; done)
result=$(cat <<RESULT
<!-- results: written by build/bench.sh; everything between these markers is replaced on each run -->
Run on $(date -u +'%Y-%m-%d %H:%M UTC') at commit \`$commit\` on $machine$([ "$quick" = 1 ] && echo ' (--quick)').
History seeded through the API in one run, measured at each size before seeding on:
$seeding
First start on the empty schema: ${first_start} s (${first_start_cpu} s of processor time).

At $(thousands "${sizes[-1]}") events (${v[${sizes[-1]},events]} in the store, ${v[${sizes[-1]},partners]} partners):

| figure | value | floor | ratio | goal | |
|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

As the history grows (ratios to the floor measured at the same size in parentheses):

$header
$rule
$(printf '%s\n' "${growth[@]}")
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
