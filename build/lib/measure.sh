# shellcheck shell=bash
# What the benchmarks share: their tools, timing, rates, medians and percentiles, wrk's figures, the floors' row,
# and a rebuild timed through the API.

# gulou_require_tools TOOL...: installs each missing tool from Debian (refreshing the package lists when needed).
gulou_require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >&2 \
      || { gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
           gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >&2; }
  done
}

now() { date +%s.%N; }
# since T0: seconds from T0 (a `now`) until now.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# rate N SECONDS: N per second, rounded.
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# percentile P FILE: the P-th percentile of the numbers in FILE (one per line).
percentile() { sort -n "$2" | awk -v p="$1" '{ a[NR] = $1 } END { i = int(NR * p / 100); if (i < 1) i = 1; print a[i] }'; }
# wrk_ms P OUTPUT: a latency percentile from wrk --latency, in milliseconds.
wrk_ms() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$2"; }
wrk_rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# The floors' row: a ~500-byte jsonb document shaped like a report.
gulou_floor_payload='{"externalRef":"floor-%s","kind":"competition","title":"青少年科技竞赛","occurredOn":"2023-05-01","venue":"鼓楼区科技馆","community":"鼓东街道","measureCodes":["ACT-03"],"attendance":{"youth":120,"workers":0,"elderly":3,"cadres":0,"public":8},"volunteerHours":0,"contentHash":"0000000000000000000000000000000000000000000000000000000000000000"}'

# gulou_floor_table: the floors' table floor.rows in $GULOU_BENCH_DB, and the pgbench scripts that insert one such row
# ($work/insert.sql) and select one by key among the first 10,000 ($work/select.sql).
gulou_floor_table() {
  sql -c "create schema floor; create table floor.rows(id bigserial primary key, data jsonb not null)"
  printf "insert into floor.rows(data) values ('%s');\n" "$gulou_floor_payload" >"$work/insert.sql"
  printf '\\set id random(1, 10000)\nselect data from floor.rows where id = :id;\n' >"$work/select.sql"
}
# pgbench_floor NAME SCRIPT CLIENTS: pgbench for 10 s, SCRIPT in $work, against $GULOU_BENCH_DB; sets pg_tps, pg_p50
# and pg_p99 (ms). pgbench -l writes one log per thread (PREFIX.PID, PREFIX.PID.1…) whose third column is the latency
# in µs.
pgbench_floor() {
  mkdir -p "$work/pgbench"
  (cd "$work" && "$GULOU_PG_BIN/pgbench" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -n -c "$3" -j "$(( $3 < 2 ? 1 : 2 ))" -T 10 -f "$2" -l --log-prefix="pgbench/$1" "$GULOU_BENCH_DB" >"$work/$1.out" 2>&1)
  pg_tps=$(awk '/^tps/ { printf "%.0f", $3; exit }' "$work/$1.out")
  cat "$work/pgbench/$1".* | awk 'NF > 3 { print $3 / 1000 }' >"$work/$1.lat"; rm -f "$work/pgbench/$1".*
  pg_p50=$(percentile 50 "$work/$1.lat"); pg_p99=$(percentile 99 "$work/$1.lat")
}
# pg_cpu: the processor time so far (user + system) of the cluster's server process and its children, in seconds
# (a backend that ends while it is read counts for nothing).
pg_cpu() {
  local server pid
  server=$(head -n 1 "$GULOU_PG_DIR/data/postmaster.pid")
  for pid in "$server" $(pgrep -P "$server"); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / hz }'
}

# gulou_rebuild URL ADMIN_KEY PID LOG: rebuilds every projection through POST /api/v1/admin/projections/rebuild and
# waits for the operation; prints its seconds. Dies when it does not start or the node PID stops; false when it failed.
gulou_rebuild() {
  local url=$1 key=$2 pid=$3 log=$4 operation state t0
  operation=$(curl -s -X POST -H "X-Api-Key: $key" "$url/api/v1/admin/projections/rebuild" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  [ -n "$operation" ] || gulou_die "the rebuild did not start: see $log"
  t0=$(now)
  until state=$(curl -s -H "X-Api-Key: $key" "$url/api/v1/admin/projections/operations/$operation" | grep -o '"state":"\(succeeded\|failed\)"'); do
    kill -0 "$pid" 2>/dev/null || gulou_die "the service stopped during the rebuild: see $log"
    sleep 0.2
  done
  since "$t0"
  [ "$state" = '"state":"succeeded"' ]
}
