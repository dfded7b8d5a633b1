#!/usr/bin/env bash
# Installs octoDNS and its OVH provider, pinned, into a virtualenv under .tools/ (gitignored), and reuses it when
# it is there with these pins. tests/integration/octodns-round-trip.test.ts syncs a zone into the emulator with it.
#   .tools/octodns/bin/python     the virtualenv's Python, with octodns, octodns-ovh and OVH's python-ovh client
# Usage: npm run setup:octodns   (needs python3 with venv, and PyPI; about a minute the first time)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${PULUMI_TOOLS_DIR:-$root/.tools}/octodns"
pins="octodns==1.22.0 octodns-ovh==1.2.0 ovh==1.2.0"

if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/pins" 2>/dev/null)" = "$pins" ]; then
  echo "octodns: reusing $venv ($pins)"
  exit 0
fi
command -v python3 >/dev/null || { echo "setup:octodns: python3 (3.10 or later, with venv) is needed" >&2; exit 1; }
echo "octodns: installing $pins into $venv"
start=$(date +%s)
rm -rf "$venv"
python3 -m venv "$venv"
# shellcheck disable=SC2086 # the pins are separate words
"$venv/bin/pip" install --quiet --disable-pip-version-check $pins
echo "$pins" > "$venv/pins"
echo "octodns: installed in $(( $(date +%s) - start )) s"
