#!/usr/bin/env bash
# Issue 16: the hub as an operator runs it in production. Builds it, installs the build with
# `npm ci --omit=dev` in a folder of its own (no TypeScript, no ts-node, no test tools), and runs
# the onboarding test against that build in production mode: the first administrator from
# `node dist/src/cli/admin.js`, then a partner and a practitioner through the API, and the
# practitioner, signed in by a JWKS identity provider, opens a case.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
build_dir="$PWD/.data/production-build"
rm -rf "$build_dir"
mkdir -p "$build_dir"
cp -r dist package.json package-lock.json "$build_dir/"
(cd "$build_dir" && npm ci --omit=dev --no-audit --no-fund)
if [ -e "$build_dir/node_modules/ts-node" ] || [ -e "$build_dir/node_modules/typescript" ]; then
  echo "development dependencies were installed in the production build" >&2
  exit 1
fi
HUB_BUILD_DIR="$build_dir" npx jest test/cli/admin.test.ts
rm -rf "$build_dir"
