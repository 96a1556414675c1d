// Embedding: a host page served from a loopback server under a strict Content Security
// Policy and hostile CSS, with two widgets of different options; and the single-file page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, open } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STRICT = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'none'";

const HOST = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Partnerships intranet</title>
<link rel="stylesheet" href="/hostile.css"></head>
<body><h1>Partnerships intranet</h1>
<div id="a"></div>
<section id="b"></section>
<script src="/collab-toolkit.js"></script>
<script src="/host.js"></script>
</body></html>`;

// Everything an intranet theme might do to break an embedded widget.
const HOSTILE = `
* { color: red !important; font-size: 40px !important; line-height: 3 !important; font-family: "Comic Sans MS", cursive !important; --nhs-blue: lime !important; }
html { font-size: 40px !important; }
input, label, fieldset, legend { display: none !important; }
button { background: magenta !important; border: 10px dotted lime !important; }
.ctk, .ctk-radio, .ctk-question, h1, h2 { display: none !important; }
`;

const HOST_JS = `
window.events = [];
for (const id of ['a', 'b']) {
  const el = document.getElementById(id);
  for (const name of ['change', 'results', 'export']) {
    el.addEventListener('collabtoolkit:' + name, (e) => window.events.push([id, name, e.detail]));
  }
}
CollabToolkit.ready.then((toolkit) => {
  window.widgets = {
    a: toolkit.mount(document.getElementById('a'), { storageKey: 'team-a', title: 'Team A pathway' }),
    b: toolkit.mount(document.getElementById('b'), { storageKey: 'team-b', depth: 'deep', hideCompare: true }),
  };
});
`;

let server;
let base;
let browser;
before(async () => {
  const files = {
    '/host.html': ['text/html', HOST],
    '/hostile.css': ['text/css', HOSTILE],
    '/host.js': ['text/javascript', HOST_JS],
    '/collab-toolkit.js': ['text/javascript', readFileSync(path.join(root, 'pkg/collab-toolkit.js'))],
  };
  server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://127.0.0.1').pathname];
    if (!file) { res.writeHead(req.url === '/favicon.ico' ? 204 : 404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': file[0], 'Content-Security-Policy': STRICT });
    res.end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('two widgets on a strict, hostile host page work apart, raise events and keep their answers', async () => {
  // The host's own files are the only requests allowed.
  const { page, problems } = await open(browser, { url: `${base}/host.html`, allow: new RegExp(`^(${base}/|data:|blob:)`) });
  const a = page.locator('#a');
  const b = page.locator('#b');
  assert.equal(await a.locator('fieldset.ctk-question').count(), 8);
  assert.equal(await b.locator('fieldset.ctk-question').count(), 40, 'the second widget is the in-depth audit');
  assert.equal(await a.locator('[data-field=title]').inputValue(), 'Team A pathway');
  assert.equal(await b.locator('.ctk-nav button[data-action=compare]').count(), 0, 'Compare hidden in the second');
  assert.equal(await a.locator('.ctk-nav button[data-action=compare]').count(), 1);

  // Host styles do not reach inside.
  const style = await page.evaluate(() => {
    const label = document.getElementById('a').shadowRoot.querySelector('.ctk-radio__label');
    const s = getComputedStyle(label);
    return { font: s.fontSize, colour: s.color, display: s.display, family: s.fontFamily };
  });
  assert.deepEqual(style, { font: '19px', colour: 'rgb(33, 43, 50)', display: 'inline-block', family: '"Frutiger W01", Arial, sans-serif' });

  await a.locator('label[for="ctk1-q-trust.openness-4"]').click();
  assert.equal(await b.locator('input[data-item]:checked').count(), 0, 'the other widget is untouched');
  const events = await page.evaluate(() => window.events.map(([id, name, detail]) => [id, name, name === 'change' ? detail.answers['trust.openness'].level : detail.overall?.percent]));
  assert.deepEqual(events.slice(0, 2), [['a', 'change', 4], ['a', 'results', 75]]);
  assert.ok(events.every(([id]) => id === 'a'));

  await a.locator('.ctk-nav button[data-action=library]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), a.locator('button[data-action=export-json]').click()]);
  assert.match(download.suggestedFilename(), /^team-a-pathway-/);
  const exported = await page.evaluate(() => window.events.filter(([, name]) => name === 'export').map(([id, , d]) => [id, d.format, d.fileName]));
  assert.deepEqual(exported, [['a', 'json', download.suggestedFilename()]]);

  await page.reload();
  await page.waitForSelector('#b fieldset.ctk-question');
  assert.equal(await page.locator('#a [id="ctk1-q-trust.openness-4"]').isChecked(), true, 'answers survive a reload');
  assert.equal(await page.locator('#b input[data-item]:checked').count(), 0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':a:')).map((k) => k.split(':')[1]));
  assert.deepEqual(stored, ['team-a'], 'each widget keeps its own storage; only the one answered saved');

  // The handle: getAssessment and setAssessment.
  const set = await page.evaluate(() => {
    const doc = window.widgets.a.getAssessment();
    doc.answers['purpose.shared'] = { level: 5 };
    window.widgets.b.setAssessment(doc);
    try { window.widgets.b.setAssessment({ format: 'nope' }); return 'accepted'; } catch (e) { return e.message; }
  });
  assert.match(set, /format: is "nope"/);
  assert.equal(await page.locator('#b [id="ctk2-q-purpose.shared-5"]').isChecked(), true);
  assert.deepEqual(problems(), [], 'no policy violation, request or error');
});

test('the single-file page opens from disk and works under its own hashed policy', async () => {
  const url = pathToFileURL(path.join(root, 'pkg/collab-toolkit.html')).href;
  const { page, problems } = await open(browser, { url });
  await page.click('label[for="ctk1-q-trust.openness-3"]');
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  assert.equal(await page.textContent('.ctk-overall__figure'), '50 %');
  assert.deepEqual(problems(), []);
});
