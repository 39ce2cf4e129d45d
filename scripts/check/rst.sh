#!/usr/bin/env bash
# Checks reStructuredText with docutils: any warning or error fails, as it
# would in the kernel's doc build. With no argument it checks the built
# kernel document and the long form (dist/documentation.rst and
# dist/documentation-long.rst; run `astro build` first, `npm test` calls
# this); the export's unit tests pass files of their own. The kernel's
# other rules, and the patch, are scripts/check/kernel-doc.ts's job.
set -euo pipefail
dist=$(dirname "$0")/../../dist
if [[ $# -eq 0 ]]; then set -- "$dist/documentation.rst" "$dist/documentation-long.rst"; fi
# Debian's python3-docutils belongs to the system interpreter.
python=/usr/bin/python3
[[ -x $python ]] || python=python3
for file in "$@"; do
  if [[ ! -s $file ]]; then
    echo "check-rst: $file is missing or empty; run 'npx astro build' first" >&2
    exit 1
  fi
  # --halt=warning stops at the first warning; --exit-status makes a
  # reported warning a failure even where docutils would carry on.
  if ! out=$("$python" -m docutils --halt=warning --report=warning --exit-status=warning "$file" /dev/null 2>&1); then
    echo "$out" >&2
    echo "check-rst: $file has docutils warnings or errors" >&2
    exit 1
  fi
  echo "check-rst: OK, $(basename "$file") passes docutils with no warning or error ($(wc -w <"$file") words)"
done
