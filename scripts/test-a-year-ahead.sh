#!/usr/bin/env bash
# The whole suite again with the machine's date a year ahead (libfaketime moves it for node and
# for the embedded PostgreSQL alike): no test may depend on the day it runs, since the hub reads
# one clock (src/common/clock.ts) and the tests set it (test/support/clock.ts).
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing faketime (Debian package) to move the date"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq faketime >/dev/null
  else
    echo "This check needs faketime (Debian: apt-get install faketime)" >&2
    exit 1
  fi
fi
echo "The machine's date for this run: $(faketime -f '+365d' date -u +%Y-%m-%d)"
exec faketime -f '+365d' npx jest "$@"
