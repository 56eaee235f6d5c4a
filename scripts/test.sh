#!/usr/bin/env bash
# The test command: gets Node 24, Debian's docker-registry, xmllint and the browser test's packages
# (chromium, cmark-gfm, an emoji font) if missing, installs the locked dependencies, then runs the
# whole suite (unit and integration) with vitest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v docker-registry >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian's docker-registry for the integration tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry) >&2
  else
    echo "test.sh: docker-registry is missing; run: sudo apt-get install docker-registry" >&2
    exit 2
  fi
fi
# xmllint (libxml2-utils) validates the JUnit output against test/fixtures/junit/junit.xsd.
if ! command -v xmllint >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian's libxml2-utils (xmllint) for the JUnit tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils) >&2
  else
    echo "test.sh: xmllint is missing; run: sudo apt-get install libxml2-utils" >&2
    exit 2
  fi
fi
# The job-summary browser test (test/integration/summary-browser.test.ts) renders the summary
# with GitHub's parser in Debian's Chromium: the packages it needs, installed as docker-registry is.
browser_pkgs=()
command -v chromium >/dev/null 2>&1 || browser_pkgs+=(chromium)
command -v cmark-gfm >/dev/null 2>&1 || browser_pkgs+=(cmark-gfm)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || browser_pkgs+=(fonts-noto-color-emoji)
if [ ${#browser_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian's ${browser_pkgs[*]} for the job-summary browser test" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser_pkgs[@]}") >&2
  else
    echo "test.sh: ${browser_pkgs[*]} missing; run: sudo apt-get install ${browser_pkgs[*]}" >&2
    exit 2
  fi
fi
bash scripts/node24.sh npm ci --no-audit --no-fund --loglevel=error
exec bash scripts/node24.sh npm test -- "$@"
