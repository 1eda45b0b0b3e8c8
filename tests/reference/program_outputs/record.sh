#!/usr/bin/env bash
# Records every command of commands.txt with the chapter programs in BIN_DIR (build/chapters by default):
# NAME.txt, its standard output, and NAME.json, what it writes with --quiet --json -.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../../build/chapters}"
grep -v '^#' "$here/commands.txt" | while read -r name program flags; do
  # shellcheck disable=SC2086 # the flags are words
  "$bin/$program" $flags > "$here/$name.txt" 2> /dev/null
  # shellcheck disable=SC2086
  "$bin/$program" $flags --quiet --json - > "$here/$name.json"
done
