#!/usr/bin/env bash
# The checked-in OpenAPI document, docs/openapi.json.
#   build/openapi.sh          writes the document the service serves to docs/openapi.json, then lints it
#   build/openapi.sh --lint   lints docs/openapi.json with Redocly's recommended rules (no error allowed)
# The linter is pinned in build/openapi/package-lock.json and installed with npm ci (Node 20 or later).
# Run it after changing a route, a body or an XML comment of an endpoint, and commit docs/openapi.json:
# the test OpenApiDocumentTests fails while the committed copy differs from what the service serves.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/pg.sh
source "$root/build/lib/pg.sh"
# shellcheck source=lib/testdb.sh
source "$root/build/lib/testdb.sh"
cd "$root"

lint() {
  command -v npm >/dev/null 2>&1 || gulou_die "npm is needed to lint the OpenAPI document (Node 20 or later)"
  if [ ! -x build/openapi/node_modules/.bin/redocly ]; then
    gulou_log "installing the OpenAPI linter (npm ci)"
    npm ci --prefix build/openapi --no-audit --no-fund --loglevel=error >&2
  fi
  gulou_log "linting docs/openapi.json"
  build/openapi/node_modules/.bin/redocly lint docs/openapi.json --extends recommended --format stylish
}

if [ "${1:-}" != --lint ]; then
  gulou_require_dotnet
  gulou_test_db "$root"
  gulou_log "building"
  dotnet build tests/Gulou.Events.IntegrationTests -c Debug -nologo -clp:ErrorsOnly
  gulou_log "writing docs/openapi.json from the service"
  GULOU_WRITE_OPENAPI=1 dotnet test tests/Gulou.Events.IntegrationTests -c Debug --no-build -nologo \
    --filter "FullyQualifiedName~OpenApiDocumentTests.The_checked_in_document_is_the_one_the_service_serves"
fi
lint
