#!/usr/bin/env bash
# Checks the built Documentation/ draft (dist/documentation.rst) with
# docutils: any warning or error fails, as the kernel's doc build would
# complain of it. Run after `astro build`; `npm test` calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
file=dist/documentation.rst
if [[ ! -s $file ]]; then
  echo "check-rst: $file is missing or empty; run 'npx astro build' first" >&2
  exit 1
fi
# Debian's python3-docutils lives in the system interpreter.
python=/usr/bin/python3
[[ -x $python ]] || python=python3
# --halt=warning stops at the first warning; --exit-status makes sure a
# reported warning is a failure even if docutils carried on.
if ! out=$("$python" -m docutils --halt=warning --report=warning --exit-status=warning "$file" /dev/null 2>&1); then
  echo "$out" >&2
  echo "check-rst: $file has docutils warnings or errors" >&2
  exit 1
fi
echo "check-rst: OK, $file passes docutils with no warning ($(wc -w <"$file") words)"
