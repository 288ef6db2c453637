# shellcheck shell=bash
# Debian's Chromium for the browser tests: Playwright drives it, since Playwright's own browser download
# cannot work on a machine without internet. A CJK font comes with it, so screenshots of the Chinese page
# are legible. Needs gulou_log and gulou_as_root from pg.sh.

GULOU_CHROMIUM=/usr/bin/chromium

gulou_require_chromium() {
  local missing=()
  [ -x "$GULOU_CHROMIUM" ] || missing+=(chromium)
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    missing+=(fonts-wqy-microhei)
  fi
  [ "${#missing[@]}" -eq 0 ] && return 0
  gulou_log "installing ${missing[*]} from Debian's packages for the browser tests"
  gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  gulou_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  [ -x "$GULOU_CHROMIUM" ] || gulou_die "Chromium is not at $GULOU_CHROMIUM after installing it"
}
