# Sourced by tools/book/generate.sh and scripts/run-chapters.sh: one run of a chapter program that both the
# book and the main job show, made once.
#
# recorded_run OUT NAME BINARY ARGS...
#   Runs BINARY ARGS --json OUT/NAME.json with its standard output into OUT/NAME.txt (and onto the terminal
#   when RECORDED_RUN_SHOW=1), unless both files are already there from a run of the same binary, by its
#   SHA-256, with the same arguments: OUT/recorded/NAME holds that key. The programs are reproducible (same
#   binary, same flags: the same bytes), so when the main job has run chapter 4's zoo and chapter 5's grid
#   as the book shows them, the book's build reads those files instead of training the same networks again.
#   Progress lines (standard error) go to the terminal either way.
recorded_run() {
  local out="$1" name="$2" binary="$3" shown=/dev/null
  shift 3
  [[ "${RECORDED_RUN_SHOW:-0}" != 1 ]] || shown=/dev/stdout
  local key stamp="${out}/recorded/${name}"
  key="$(sha256sum < "$binary" | cut -d' ' -f1) $*"
  if [[ -f "$stamp" && -f "${out}/${name}.txt" && -f "${out}/${name}.json" && "$(< "$stamp")" == "$key" ]]; then
    cat "${out}/${name}.txt" > "$shown"
    echo "book: ${name}: the same program's run with the same flags is already in ${out}" >&2
    return 0
  fi
  mkdir -p "${out}/recorded"
  rm -f "$stamp"  # a run cut short leaves no key, so the next build runs it again
  local -  # pipefail in this function only: the program's exit status, not tee's, decides
  set -o pipefail
  "$binary" "$@" --json "${out}/${name}.json" | tee "${out}/${name}.txt" > "$shown" || return
  printf '%s' "$key" > "$stamp"
}
