#!/usr/bin/env bash
# Regenerates the Wolverine handler code that Release builds load instead of compiling at run time
# (services/Gulou.Events.Api/Internal/Generated). Needs no database. Commit the result; a test fails
# while the committed copy is stale.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
api="$root/services/Gulou.Events.Api"
# The stale copy may no longer compile: build without it first.
rm -rf "$api/Internal/Generated"
dotnet build "$api" -c Debug -nologo -clp:ErrorsOnly
(cd "$api" && dotnet bin/Debug/net10.0/Gulou.Events.Api.dll codegen write >/dev/null)
# The regenerated files are part of the next build.
dotnet build "$api" -c Debug -nologo -clp:ErrorsOnly
echo "generated: $(find "$api/Internal/Generated" -name '*.cs' | wc -l) files in services/Gulou.Events.Api/Internal/Generated"
