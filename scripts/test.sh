#!/usr/bin/env bash
# The test command: gets Node 24 and the Debian packages the tests run for real (if missing),
# installs the locked npm dependencies (gitlab-ci-local among them), then runs the whole suite
# (unit and integration) with vitest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# command-or-file -> Debian package, for every real tool a test starts:
#   docker-registry   the registry every integration test talks to
#   xmllint           validates JUnit output against test/fixtures/junit/junit.xsd
#   chromium, cmark-gfm, the emoji font   the job-summary browser test
#   pre-commit, git   the pre-commit hook test (docs/ci/pre-commit.md)
#   rsync             gitlab-ci-local copies the project with it (docs/ci/gitlab.md)
need=(
  "docker-registry docker-registry"
  "xmllint libxml2-utils"
  "chromium chromium"
  "cmark-gfm cmark-gfm"
  "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf fonts-noto-color-emoji"
  "pre-commit pre-commit"
  "git git"
  "rsync rsync"
)
missing=()
for entry in "${need[@]}"; do
  what=${entry% *} pkg=${entry#* }
  if [[ $what == /* ]]; then [ -e "$what" ] && continue; else command -v "$what" >/dev/null 2>&1 && continue; fi
  missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian's ${missing[*]} for the tests that run them" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2
  else
    echo "test.sh: ${missing[*]} missing; run: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi
bash scripts/node24.sh npm ci --no-audit --no-fund --loglevel=error
exec bash scripts/node24.sh npm test -- "$@"
