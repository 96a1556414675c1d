// Joins wasm-bindgen's no-modules glue and the optimised wasm into one classic script that
// defines the CollabToolkit global. Usage: node scripts/bundle.mjs GLUE.js MODULE.wasm OUT.js
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [gluePath, wasmPath, outPath] = process.argv.slice(2);
const glue = readFileSync(gluePath, 'utf8');
const wasm = readFileSync(wasmPath);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version ?? '';
const crate = readFileSync('Cargo.toml', 'utf8').match(/^version = "(.*)"$/m)[1];

const script = `/*! Collaboration Toolkit ${crate}. Built by scripts/build.sh from the Rust sources: do not edit. */
(function () {
  "use strict";
${glue}
  // The engine, inlined: fetch() of a .wasm file is blocked on file:// pages.
  var WASM = "${wasm.toString('base64')}";

  function decode(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  var loaded = false;
  function call(name) {
    return function () {
      if (!loaded) {
        throw new Error("CollabToolkit." + name + "() was called before the engine loaded: wait for CollabToolkit.ready");
      }
      return wasm_bindgen[name].apply(null, arguments);
    };
  }

  var api = {
    version: "${crate}",
    instrument: call("instrument"),
    score: call("score"),
    importAssessment: call("importAssessment"),
    exportAssessment: call("exportAssessment"),
    compare: call("compare"),
    mount: call("mount")
  };
  api.ready = wasm_bindgen({ module_or_path: decode(WASM) }).then(function () {
    loaded = true;
    return api;
  });
  globalThis.CollabToolkit = api;
})();
`;
writeFileSync(outPath, script);
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log(`wasm ${kb(wasm.length)} (gzip ${kb(gzipSync(wasm).length)}); ` +
  `${outPath} ${kb(script.length)} (gzip ${kb(gzipSync(script).length)})`);
void version;
