#!/usr/bin/env bash
# The built-in example: verifies the committed OCI layout in examples/ with the committed
# public key and the example trusted root (no network), using the committed bundle dist/cli.js (no npm install needed).
# One image is signed, one is not: expect one ✓, one ✗ and exit code 1.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/node24.sh node dist/cli.js verify --trusted-root examples/trusted_root.json --key examples/cosign.pub \
  oci-layout://examples/layout:signed oci-layout://examples/layout:unsigned "$@"
code=$?
echo "exit code: $code (0 all verified, 1 supply-chain failure, 2 error)"
exit "$code"
