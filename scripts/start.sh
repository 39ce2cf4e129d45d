#!/usr/bin/env bash
# `npm start`: install what is missing, build the site, serve it locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx astro build
port=${PORT:-4321}
echo
echo "Serving the built site at http://localhost:${port}/  (Ctrl-C to stop)"
exec npx astro preview --host 127.0.0.1 --port "$port"
