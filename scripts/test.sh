#!/usr/bin/env bash
# The test command: gets Node 24, Debian's docker-registry and xmllint if missing, installs the
# locked dependencies, then runs the whole suite (unit and integration) with vitest.
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
bash scripts/node24.sh npm ci --no-audit --no-fund --loglevel=error
exec bash scripts/node24.sh npm test -- "$@"
