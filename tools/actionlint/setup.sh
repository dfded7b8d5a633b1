#!/usr/bin/env bash
# Builds actionlint (the GitHub Actions workflow checker), pinned, from the Go module proxy into
# .tools/bin/actionlint (gitignored); reuses it when it is there at the pinned version.
# tests/examples/gitops-workflow.test.ts runs it on examples/gitops/workflows/pulumi-dns.yml.
# Usage: npm run setup:actionlint   (needs Go and the Go module proxy)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${PULUMI_TOOLS_DIR:-$root/.tools}/bin"
version="v1.7.12"
mkdir -p "$bin"

if [ -x "$bin/actionlint" ] && [ "$("$bin/actionlint" -version 2>/dev/null | head -1)" = "$version" ]; then
  echo "actionlint $version: reusing $bin/actionlint"
  exit 0
fi
command -v go >/dev/null || { echo "setup:actionlint: Go is needed to build actionlint" >&2; exit 1; }
echo "actionlint $version: building $bin/actionlint from the Go module proxy"
GOBIN="$bin" go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
"$bin/actionlint" -version | head -1
