#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there, so it is quick
# to run again: the wasm32 target, wasm-bindgen-cli at the exact version Cargo.lock pins,
# Debian's Chromium and ChromeDriver, and the npm tools in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the crate exactly. No --locked: the CLI's own lock file asks for a
# webpki-roots version the registry mirror does not serve. About 2.5 minutes when needed.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}')"
  cargo install wasm-bindgen-cli --version "$want"
fi

# pdftotext (poppler-utils) reads back the PDF the report test prints.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v pdftotext >/dev/null; then
  say "installing Chromium, ChromeDriver and poppler-utils from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

# npm ci installs exactly the lock file; skipped when what is installed already satisfies it.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi
