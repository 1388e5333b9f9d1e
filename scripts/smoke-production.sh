#!/usr/bin/env bash
# The production install from the README, on a clean clone of this repository:
# full install and build, prune to the production dependencies, start the built
# server with plain node and drive it (scripts/smoke-check.mjs). Proves that
# nothing at run time needs a dev dependency (tsx, vite, esbuild, Puck).
#   bash scripts/smoke-production.sh   (tests the committed HEAD: it clones the repository)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$repo" "$work/atrium"
cd "$work/atrium"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
for tool in tsx vite esbuild @puckeditor/core typescript; do
  if [ -e "node_modules/$tool" ]; then echo "dev dependency $tool is still installed after npm prune --omit=dev" >&2; exit 1; fi
done

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
# What `npm run serve` runs (started directly, so stopping it stops the server itself).
PORT="$port" ATRIUM_DATA_DIR="$work/data" node --enable-source-maps dist/server/main.js > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
node scripts/smoke-check.mjs "$port" "$work/data"
echo "--- server output"
cat "$work/server.log"
grep -q "listening at http://localhost:$port" "$work/server.log"
