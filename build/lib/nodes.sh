# shellcheck shell=bash
# Publishing the service once and running it as one or several nodes. Sourced after lib/pg.sh.

# gulou_publish DIR: a Release build of the service in DIR (pre-generated handlers, no compiler at run time),
# precompiled (ReadyToRun) as deploy/Dockerfile builds it: it starts about a second sooner (docs/benchmarks.md).
gulou_publish() {
  local out=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  gulou_log "building the service (Release)"
  dotnet publish "$root/services/Gulou.Events.Api" -c Release -r "linux-$(gulou_dotnet_arch)" --self-contained false -p:PublishReadyToRun=true \
    -o "$out" -nologo -v quiet -clp:ErrorsOnly
}

# gulou_dotnet_arch: this machine's architecture as .NET names it (x64, arm64).
gulou_dotnet_arch() {
  case $(uname -m) in
    aarch64 | arm64) echo arm64 ;;
    *) echo x64 ;;
  esac
}

# gulou_start_node APPDIR URL LOG [ENV=VALUE …]: starts a node in the background (LOG "-" keeps the console)
# and sets GULOU_NODE_PID. Call it directly, not in $( ): the node must be a child of the calling shell.
gulou_start_node() {
  local app=$1 url=$2 log=$3
  shift 3
  if [ "$log" = - ]; then
    (cd "$app" && exec env GULOU_URLS="$url" "$@" dotnet Gulou.Events.Api.dll) &
  else
    (cd "$app" && exec env GULOU_URLS="$url" "$@" dotnet Gulou.Events.Api.dll >"$log" 2>&1) &
  fi
  GULOU_NODE_PID=$!
}

# gulou_wait_ready URL [SECONDS] [PID] [INTERVAL]: waits until the node answers /health/ready, asking every INTERVAL
# seconds (default 0.5) for up to SECONDS (default 90); false when it does not, or as soon as process PID has ended.
gulou_wait_ready() {
  local url=$1 deadline=$((SECONDS + ${2:-90})) pid=${3:-} interval=${4:-0.5}
  until gulou_http_ok "$url/health/ready"; do
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep "$interval"
  done
}

# gulou_local_secret FILE [PREFIX]: a random secret kept in FILE (created once, readable by this user only).
gulou_local_secret() {
  local file=$1 prefix=${2:-}
  if [ ! -s "$file" ]; then
    (umask 077; printf '%s%s\n' "$prefix" "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$file")
  fi
  cat "$file"
}

# gulou_caught_up SECONDS SQL…: waits until every asynchronous projection (a shard "Name:All"; the high-water rows are
# the daemon's own) has applied every event stored so far; SQL… runs a query given as -c QUERY and prints the value.
# False after SECONDS.
gulou_caught_up() {
  local deadline=$((SECONDS + $1)) target
  shift
  target=$("$@" -c "select coalesce(max(seq_id), 0) from gulou.mt_events")
  until [ "$("$@" -c "select count(*) from gulou.mt_event_progression where name like '%:%' and last_seq_id < $target")" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# gulou_bench_setup WORK PGDIR DB: WORK emptied, an admin key kept in it, the durable cluster in PGDIR started and DB
# in it dropped and created empty. Sets work, admin_key and db (DB's connection string) and defines sql (psql on DB,
# unaligned: sql -c QUERY).
gulou_bench_setup() {
  work=$1
  rm -rf "$work"; mkdir -p "$work"
  admin_key=$(gulou_local_secret "$work/admin-key" glk_)
  gulou_pg_start "$2" durable
  "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d postgres -qc "drop database if exists $3 with (force)" >/dev/null
  gulou_pg_createdb "$3"
  GULOU_BENCH_DB=$3
  sql() { "$GULOU_PG_BIN/psql" -h 127.0.0.1 -p "$GULOU_PG_PORT" -U postgres -d "$GULOU_BENCH_DB" -tAq "$@"; }
  db=$(gulou_pg_connection_string "$3" 100)
}

# gulou_bench_builds ROOT [REV]: publishes this checkout to $work/head and, given REV, `git archive REV` to $work/base
# (each with its own build scripts), builds the seeder to $work/seed, defines node_env and applies the schema of every
# build. Sets builds (head, or base head) and base_commit. Call after gulou_bench_setup.
gulou_bench_builds() {
  local root=$1 against=${2:-} build
  builds=(head)
  gulou_publish "$work/head"
  if [ -n "$against" ]; then
    base_commit=$(git -C "$root" rev-parse --short "$against")
    mkdir -p "$work/base-src"
    git -C "$root" archive "$against" | tar -x -C "$work/base-src"
    (source "$work/base-src/build/lib/nodes.sh" && gulou_publish "$work/base")
    builds=(base head)
  fi
  dotnet build "$root/build/Bench" -c Release -nologo -clp:ErrorsOnly -o "$work/seed" >/dev/null
  node_env=(ConnectionStrings__Gulou="$db" GULOU_ADMIN_KEY="$admin_key" GULOU_PERSON_KEY_SECRET=bench GULOU_PERSON_MASTER_KEY=bench Gulou__Daemon=Solo
    Gulou__RateLimit__PermitsPerSecond=0 Gulou__AutoCreateSchema=false Logging__LogLevel__Default=Warning)
  for build in "${builds[@]}"; do
    (cd "$work/$build" && env "${node_env[@]}" dotnet Gulou.Events.Api.dll db-apply >"$work/db-apply-$build.log" 2>&1) || gulou_die "db-apply of $build failed"
  done
}

# gulou_build_label ROOT BUILD: how a report names a build: base with its commit, head with this checkout's commit.
gulou_build_label() {
  case $2 in
    base) echo "base ($base_commit)" ;;
    head) echo "head ($(git -C "$1" rev-parse --short HEAD)$(git -C "$1" diff --quiet HEAD -- services || echo '+changes'))" ;;
    *) echo "$2" ;;
  esac
}
