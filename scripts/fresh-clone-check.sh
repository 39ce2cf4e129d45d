#!/usr/bin/env bash
# Optional developer check: does `npm test` pass on a machine that has only
# what the repository itself installs? Clones the committed HEAD of this
# checkout into a new directory under /tmp and runs `npm test` there with a
# cleared environment: a HOME of its own (so an empty npm cache and
# fontconfig cache), CI=1 (Playwright starts its own server rather than
# reusing one) and a fontconfig that offers only Debian's default fonts
# (DejaVu, e2e/fonts/dejavu.conf).
#
#   bash scripts/fresh-clone-check.sh          # E2E_PORT=4322 unless set
#   KEEP=1 bash scripts/fresh-clone-check.sh   # keep the clone afterwards
#
# Uncommitted changes are not part of the clone. The npm packages come from
# the registry (npm ci), so it needs the network and several minutes.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
[[ -z $(git -C "$repo" status --porcelain) ]] || echo "note: uncommitted changes in $repo are not checked" >&2
work=$(mktemp -d /tmp/fresh-clone-check.XXXXXX)
git clone -q --no-hardlinks "$repo" "$work/repo"
git -C "$work/repo" checkout -q --detach "$(git -C "$repo" rev-parse HEAD)"
mkdir -p "$work/home"
echo "Fresh clone of $(git -C "$repo" rev-parse --short HEAD) in $work/repo (HOME=$work/home)"

status=0
env -i \
  PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin \
  HOME="$work/home" \
  LANG=C.UTF-8 \
  CI=1 \
  E2E_PORT="${E2E_PORT:-4322}" \
  FONTCONFIG_FILE="$work/repo/e2e/fonts/dejavu.conf" \
  bash -c 'cd "$1" && fc-list : family && npm test' _ "$work/repo" 2>&1 | tee "$work/npm-test.log" || status=$?

if [[ $status -eq 0 && -z ${KEEP:-} ]]; then
  rm -rf "$work"
  echo "fresh clone check: npm test passed"
else
  echo "fresh clone check: npm test exited with status $status; the clone and npm-test.log are in $work" >&2
fi
exit "$status"
