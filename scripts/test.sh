#!/usr/bin/env bash
# Runs every test: native engine tests, a check that the committed pkg/ is exactly what the
# sources build, the JavaScript-boundary tests in headless Chromium, and the end-to-end tests
# that open www/index.html from disk. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== native tests (cargo test)"
cargo test --locked

echo "== pkg/ matches the sources"
bash scripts/build.sh target/pkg-check
if ! diff -rq pkg target/pkg-check >/dev/null; then
  echo "pkg/ is out of date: run 'bash scripts/build.sh' and commit pkg/." >&2
  diff -rq pkg target/pkg-check >&2 || true
  exit 1
fi
echo "pkg/ is up to date"

echo "== browser tests of the JavaScript API (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

echo "== end-to-end tests (node --test, playwright-core, www/index.html from file://)"
node --test tests/e2e/
