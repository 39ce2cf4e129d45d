#!/usr/bin/env bash
# `npm test`: install what is missing, then type check, unit and property
# tests, the SPIN cross-check of the race engine, build, bundle-size budget
# and the Playwright suite in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-system-packages.sh
echo "== type check (astro check, svelte-check)"
npx astro check
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
echo "== unit and property tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json
echo "== race engine against SPIN (Promela export, spin-check.ts)"
node scripts/check/spin-check.ts
echo "== build"
npx astro build
echo "== JavaScript budget"
node scripts/check/size.ts --check
echo "== kernel document and patch (docutils, kernel rules, git am)"
bash scripts/check/rst.sh
node scripts/check/kernel-doc.ts
echo "== the patch with the kernel's own tools (linux-source-6.12: git am, checkpatch.pl --strict, Sphinx)"
node scripts/check/kernel-tools.ts
echo "== end-to-end (playwright, chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/playwright.json npx playwright test --reporter=list,json
echo
node scripts/check/test-summary.ts
