// Joins wasm-bindgen's no-modules glue and the optimised wasm into one classic script that
// defines the CollabToolkit global, and writes beside it a single self-contained HTML file (the
// page, its stylesheet and both scripts inline) that can be sent by email or Teams and opened
// from disk. Usage: node scripts/bundle.mjs GLUE.js MODULE.wasm OUT.js
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { minify } from 'terser';

const [gluePath, wasmPath, outPath] = process.argv.slice(2);
const glue = readFileSync(gluePath, 'utf8');
const wasm = readFileSync(wasmPath);
// Zopfli: ordinary gzip that any inflater (the browser's DecompressionStream) reads, 6 %
// smaller than zlib's level 9 because it searches harder. It is deterministic, so every
// machine builds the same bytes and pkg/ can be checked.
const packed = Buffer.from(await gzipAsync(wasm, { numiterations: 15 }));
const version = JSON.parse(readFileSync('package.json', 'utf8')).version ?? '';
const crate = readFileSync('Cargo.toml', 'utf8').match(/^version = "(.*)"$/m)[1];

const source = `/*! Collaboration Toolkit ${crate}. Built by scripts/build.sh from the Rust sources: do not edit. */
(function () {
  "use strict";
${glue}
  // The engine, inlined because fetch() of a .wasm file is blocked on file:// pages, and
  // gzipped before base64 so the file is less than half the size; the browser's own
  // DecompressionStream unpacks it.
  var WASM_GZIP = "${packed.toString('base64')}";

  function decode(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
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
  api.ready = inflate(decode(WASM_GZIP)).then(function (module) {
    return wasm_bindgen({ module_or_path: module });
  }).then(function () {
    loaded = true;
    return api;
  });
  globalThis.CollabToolkit = api;
})();
`;
// Minified (names shortened, comments other than the /*! header dropped): the glue is
// wasm-bindgen's readable output, a third of it whitespace and comments.
const script = (await minify(source, { compress: true, mangle: true, format: { comments: /^!/ } })).code + '\n';
writeFileSync(outPath, script);

// The single-file page. Inline code is allowed by hash only, so its policy is as strict as
// the page's: nothing else can run, and no request can leave.
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const css = readFileSync('www/page.css', 'utf8');
const start = readFileSync('www/start.js', 'utf8');
const policy = [
  "default-src 'none'",
  `script-src ${sha(script)} ${sha(start)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  "img-src data:", "connect-src 'none'", "form-action 'none'", "base-uri 'none'",
].join('; ');
if (/<\/script/i.test(script) || /<\/style/i.test(css)) throw new Error('bundle: code would close its own inline tag');
const page = readFileSync('www/index.html', 'utf8');
const parts = page.split(/(<meta http-equiv="Content-Security-Policy"[^>]*>|<link rel="stylesheet" href="page.css">|<script src="\.\.\/pkg\/collab-toolkit.js"><\/script>|<script src="start.js"><\/script>)/);
const replace = {
  CSP: `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
  CSS: `<style>${css}</style>`,
  ENGINE: `<script>${script}</script>`,
  START: `<script>${start}</script>`,
};
const single = parts.map((part) => {
  if (part.startsWith('<meta http-equiv="Content-Security-Policy"')) return replace.CSP;
  if (part.startsWith('<link rel="stylesheet"')) return replace.CSS;
  if (part.startsWith('<script src="../pkg/')) return replace.ENGINE;
  if (part.startsWith('<script src="start.js"')) return replace.START;
  return part;
}).join('');
for (const needed of [replace.CSP, replace.CSS, replace.ENGINE, replace.START]) {
  if (!single.includes(needed)) throw new Error('bundle: www/index.html no longer has the tags the single-file page replaces');
}
const htmlPath = path.join(path.dirname(outPath), 'collab-toolkit.html');
writeFileSync(htmlPath, single);

const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log(`wasm ${kb(wasm.length)} (gzip ${kb(gzipSync(wasm).length)}); ` +
  `${outPath} ${kb(script.length)} (gzip ${kb(gzipSync(script).length)}); ${htmlPath} ${kb(single.length)}`);
void version;
