#!/usr/bin/env bash
# Installs the npm dependencies from package-lock.json when they are missing
# or older than the lockfile. The pinned `node` devDependency brings the
# Node.js version every later npm script runs on.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x node_modules/.bin/astro || ! -x node_modules/.bin/node || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi
