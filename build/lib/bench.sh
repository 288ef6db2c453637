# shellcheck shell=bash
# What every benchmark script (build/bench.sh and the A/B scripts) starts with: the private PostgreSQL, the nodes, the
# measurements and the A/B helpers, and .NET installed. Sourced once the script has set root.
# shellcheck source=pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=nodes.sh
source "$root/build/lib/nodes.sh"
# shellcheck source=measure.sh
source "$root/build/lib/measure.sh"
# shellcheck source=ab.sh
source "$root/build/lib/ab.sh"
gulou_require_dotnet
