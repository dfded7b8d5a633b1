#!/usr/bin/env bash
# Builds what the real Pulumi CLI needs here, pinned, into .tools/ (gitignored), and reuses what is there.
#   .tools/bin/pulumi                         the CLI, built from the Go module proxy (go.mod in this folder)
#   .tools/bin/pulumi-language-nodejs         the Node.js language host (language-host.ts: the proxy does not
#                                             serve Pulumi's own; see docs/pulumi-cli.md)
#   .tools/bin/pulumi-resource-pulumi-nodejs  the dynamic-provider plugin: starts the @pulumi/pulumi of the
#                                             program's directory, as the script shipped with the CLI does
#   .tools/bin/pulumi-language-yaml           Pulumi's YAML language host, built from the Go module proxy
#                                             (github.com/pulumi/pulumi-yaml, pinned by yaml/go.mod and go.sum;
#                                             a module of its own, since it needs an older pulumi/pkg)
#   .tools/bin/pulumi-ovh-dns-gen-sdk         the Go, Python, .NET and Node.js SDKs of a package schema
#                                             (gen-sdk/main.go, a module of its own: pinned by gen-sdk/go.mod
#                                             and go.sum, the CLI's pkg/v3 and the .NET host's generator)
# Usage: npm run setup:pulumi   (needs Go >= 1.26, the Go module proxy, and `npm run build` done first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${PULUMI_TOOLS_DIR:-$root/.tools}/bin"
version="v3.274.1"
mkdir -p "$bin"

# go_build <name> <version> <module dir> <package> <version variable>: builds $bin/<name> from the module's
# pinned requirements, its version linked in, and says how long it took.
go_build() {
  command -v go >/dev/null || { echo "setup:pulumi: Go is needed to build $1 (go 1.26 or later)" >&2; exit 1; }
  echo "$1 $2: building $bin/$1 from the Go module proxy (minutes the first time)"
  local start
  start=$(date +%s)
  (cd "$3" && go build -ldflags "-s -w -X $5=$2" -o "$bin/$1.tmp" "$4")
  mv "$bin/$1.tmp" "$bin/$1"
  echo "$1 $2: built in $(( $(date +%s) - start )) s"
}

if [ -x "$bin/pulumi" ] && [ "$("$bin/pulumi" version 2>/dev/null)" = "$version" ]; then
  echo "pulumi $version: reusing $bin/pulumi"
else
  go_build pulumi "$version" "$here" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
fi

yaml_version="v1.25.0"
yaml_stamp="$bin/.pulumi-language-yaml.version"
if [ -x "$bin/pulumi-language-yaml" ] && [ "$(cat "$yaml_stamp" 2>/dev/null)" = "$yaml_version" ]; then
  echo "pulumi-language-yaml $yaml_version: reusing $bin/pulumi-language-yaml"
else
  go_build pulumi-language-yaml "$yaml_version" "$here/yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml github.com/pulumi/pulumi-yaml/pkg/version.Version
  echo "$yaml_version" > "$yaml_stamp"
fi

# The SDK generator (gen-sdk/main.go: Pulumi's Go, Python and Node.js code generators at the CLI's version and
# the .NET one of pulumi-language-dotnet), rebuilt each time: Go's build cache makes that a few seconds once it
# has been built (about 25 s of CPU the first time after the CLI's build).
(cd "$here/gen-sdk" && go build -o "$bin/pulumi-ovh-dns-gen-sdk" .)

host="$root/dist/tools/pulumi-cli/language-host.js"
[ -f "$host" ] || { echo "setup:pulumi: $host is missing: run npm run build first" >&2; exit 1; }
cat > "$bin/pulumi-language-nodejs" <<SCRIPT
#!/bin/sh
exec node "$host" "\$@"
SCRIPT
cat > "$bin/pulumi-resource-pulumi-nodejs" <<'SCRIPT'
#!/bin/sh
# Pulumi's dynamic providers run in the @pulumi/pulumi that the program's directory resolves.
script=$(node -e 'process.stdout.write(require.resolve("@pulumi/pulumi/cmd/dynamic-provider"))') || exit 1
exec node "$script" "$@"
SCRIPT
chmod +x "$bin/pulumi-language-nodejs" "$bin/pulumi-resource-pulumi-nodejs"
"$bin/pulumi" version
