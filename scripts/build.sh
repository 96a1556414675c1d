#!/usr/bin/env bash
# Builds pkg/collab-toolkit.js from the sources: one classic script that carries the engine's
# wasm inline, so `<script src>` works from file:// (where Chrome blocks fetch and ES modules)
# and from any web server. pkg/ is rebuilt from empty every time.
#
#   bash scripts/build.sh          # writes pkg/
#   bash scripts/build.sh OUT_DIR  # writes OUT_DIR/ instead (the tests compare it with pkg/)
#
# Needs: the wasm32 target, wasm-bindgen-cli at the crate's exact version, and npm's binaryen
# (scripts/setup.sh installs all three).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
work=target/bundle
cargo_home=${CARGO_HOME:-$HOME/.cargo}

# The CLI and the crate must be the same version or the glue and the module disagree.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$want" != "$have" ]; then
  echo "build: wasm-bindgen-cli $want is needed (found '${have:-none}'); run scripts/setup.sh" >&2
  exit 1
fi

# --locked: the exact crates in Cargo.lock. The path remaps keep this machine's directories
# out of the module (panic locations name source files), so every clone builds the same bytes.
RUSTFLAGS="--remap-path-prefix=$PWD=/collab-toolkit --remap-path-prefix=$cargo_home=/cargo" \
  cargo build --release --locked --target wasm32-unknown-unknown

rm -rf "$work"
mkdir -p "$work"
# no-modules: a classic script defining `wasm_bindgen`; the bundle wraps it in a closure, so
# the page gains exactly one global, CollabToolkit.
wasm-bindgen --target no-modules --no-typescript --out-dir "$work" \
  target/wasm32-unknown-unknown/release/collab_toolkit.wasm

# -Oz: smallest code. The --enable flags name the features rustc's wasm32 target emits by
# default, which every current browser runs; binaryen must be told so or it refuses them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$work/collab_toolkit_bg.wasm" -o "$work/collab_toolkit_opt.wasm"

rm -rf "$out"
mkdir -p "$out"
node scripts/bundle.mjs "$work/collab_toolkit.js" "$work/collab_toolkit_opt.wasm" "$out/collab-toolkit.js"
