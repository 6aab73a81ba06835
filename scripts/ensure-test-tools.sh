#!/usr/bin/env bash
# Run before `npm test`: the document tests print PDFs with Debian's chromium and read them back
# with pdftotext. On a fresh machine (as root, with apt) they are installed here, so the README's
# test command works as it stands; elsewhere the message says what to install.
set -euo pipefail
missing=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the document tests (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The document tests need: ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
  exit 1
fi
