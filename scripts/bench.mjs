// Measures the page as a user meets it and writes BENCHMARKS.md. Figures are reported, never
// asserted: timings vary with the machine. Run: node scripts/bench.mjs (after scripts/setup.sh).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUDGET_GZIP_BYTES, pageBytes, root } from './budget.mjs';
const url = pathToFileURL(path.join(root, 'www/index.html')).href;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const { each: bytes, total } = pageBytes();
const single = pageBytes(['pkg/collab-toolkit.html']).total;

// The engine natively (examples/bench.rs, release build): score() and reading and comparing the
// same 10,000 documents the page is given below.
console.error('bench: building and running examples/bench.rs natively...');
const native = JSON.parse(execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench'], { cwd: root, encoding: 'utf8' }));

// The same quick-check questions in SurveyJS (survey-core + survey-js-ui from npm, dev only),
// in a page written to target/bench/ that loads the library from node_modules, also from disk.
const instrument = JSON.parse(readFileSync(path.join(root, 'src/instrument/audit.json'), 'utf8'));
const surveyJson = {
  title: 'How well is your collaboration working?',
  pages: [{ elements: instrument.principles.map((p) => p.items.find((i) => i.core)).map((item) => ({
    type: 'radiogroup', name: item.id, title: item.statement, description: item.hint,
    choices: [...item.descriptors.map((d, n) => ({ value: n + 1, text: `${n + 1} ${instrument.levels[n]}: ${d}` })),
      { value: 'unsure', text: 'Not sure' }, { value: 'na', text: 'Not applicable' }],
  })) }],
};
const benchDir = path.join(root, 'target/bench');
mkdirSync(benchDir, { recursive: true });
const rel = (p) => path.relative(benchDir, path.join(root, p)).split(path.sep).join('/');
writeFileSync(path.join(benchDir, 'surveyjs.html'), `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<link rel="stylesheet" href="${rel('node_modules/survey-core/survey-core.min.css')}"></head><body><div id="survey"></div>
<script src="${rel('node_modules/survey-core/survey.core.min.js')}"></script>
<script src="${rel('node_modules/survey-js-ui/survey-js-ui.min.js')}"></script>
<script>SurveyUI.renderSurvey(new Survey.Model(${JSON.stringify(surveyJson)}), document.getElementById('survey'));</script>
</body></html>`);
const surveyUrl = pathToFileURL(path.join(benchDir, 'surveyjs.html')).href;
const surveyBytes = ['node_modules/survey-core/survey.core.min.js', 'node_modules/survey-js-ui/survey-js-ui.min.js', 'node_modules/survey-core/survey-core.min.css']
  .map((f) => readFileSync(path.join(root, f))).reduce((t, d) => ({ raw: t.raw + d.length, gzip: t.gzip + gzipSync(d, { level: 9 }).length }), { raw: 0, gzip: 0 });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Time from navigation to the first question being interactive, in a fresh context each run,
// ours and SurveyJS's taken in turn so both see the same machine conditions. A probe added
// before each page's own scripts looks for the first enabled answer about every millisecond and
// records performance.now(), which counts from the start of navigation. The driver's clock is
// kept too: it adds its own round trips and goto()'s wait for the load event to both pages.
async function firstQuestion(target, probe) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe);
  const start = Date.now();
  await page.goto(target);
  await page.waitForFunction(() => window.__firstQuestion !== undefined);
  const driver = Date.now() - start;
  const inPage = await page.evaluate(() => window.__firstQuestion);
  await context.close();
  return { inPage, driver };
}
const ourProbe = () => {
  const poll = () => {
    const root = document.getElementById('toolkit')?.shadowRoot;
    if (root?.querySelector('fieldset.ctk-question input:not([disabled])')) window.__firstQuestion = performance.now();
    else setTimeout(poll, 1);
  };
  poll();
};
const surveyProbe = () => {
  const poll = () => {
    if (document.querySelector('input[type=radio]:not([disabled])')) window.__firstQuestion = performance.now();
    else setTimeout(poll, 1);
  };
  poll();
};
// Two loads of each first, not counted: the first loads of a fresh browser pay for warming its
// caches. Then 21 of each: single loads vary by tens of milliseconds on a small machine.
for (let i = 0; i < 2; i++) {
  await firstQuestion(url, ourProbe);
  await firstQuestion(surveyUrl, surveyProbe);
}
const ours = [];
const theirs = [];
for (let i = 0; i < 21; i++) {
  ours.push(await firstQuestion(url, ourProbe));
  theirs.push(await firstQuestion(surveyUrl, surveyProbe));
}
const loads = ours.map((r) => Math.round(r.inPage));
const surveyLoads = theirs.map((r) => Math.round(r.inPage));
const driverRatio = median(ours.map((r) => r.driver)) / median(theirs.map((r) => r.driver));

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(url);
await page.waitForSelector('fieldset.ctk-question');

// Answer click to updated view: the click's handlers (record, autosave, progress line) and
// the style and layout they cause, measured synchronously inside the page. Waiting for the
// next animation frame instead would measure the frame clock, not the toolkit.
const answer = await page.evaluate(() => {
  const times = [];
  const radios = [...document.getElementById('toolkit').shadowRoot.querySelectorAll('input[data-item]')];
  for (let i = 0; i < 40; i++) {
    const radio = radios[(i * 3) % radios.length];
    const start = performance.now();
    radio.click();
    void document.body.offsetHeight; // forces style and layout
    times.push(performance.now() - start);
  }
  return times;
});

const inPage = await page.evaluate(() => {
  const inst = CollabToolkit.instrument();
  const items = inst.principles.flatMap((p) => p.items.map((i) => i.id));
  const orgs = ['North Trust', 'Riverside PCN', 'County Council', 'Hospice'];
  const make = (n) => {
    const answers = {};
    items.forEach((id, k) => { answers[id] = { level: ((n * 7 + k * 3) % 5) + 1 }; });
    return { format: 'collab-toolkit/assessment', format_version: 1, instrument: { id: inst.id, version: inst.version },
      created: '2026-11-22T10:00:00Z', updated: '2026-11-22T10:00:00Z', depth: 'deep',
      context: { title: 'Frailty', organisation: orgs[n % 4], scale: 5 }, answers, actions: [] };
  };
  const one = make(1);
  const score = [];
  for (let i = 0; i < 200; i++) { const t = performance.now(); CollabToolkit.score(one); score.push(performance.now() - t); }
  const many = Array.from({ length: 10000 }, (_, n) => make(n));
  const compare = [];
  for (let i = 0; i < 7; i++) { const t = performance.now(); CollabToolkit.compare(many); compare.push(performance.now() - t); }
  return { score, compare };
});
await browser.close();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = `# Benchmarks

Written by \`node scripts/bench.mjs\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${os.cpus().length} cores,
Node ${process.version}, Chromium headless from Debian. Timings vary between runs and machines;
bytes do not.

## Bytes the page loads from disk

| file | raw | gzip -9 |
| --- | --- | --- |
${bytes.map((b) => `| \`${b.f}\` | ${kib(b.raw)} | ${kib(b.gzip)} |`).join('\n')}
| **total** | **${kib(total.raw)}** | **${kib(total.gzip)}** (${total.gzip} bytes) |
| \`pkg/collab-toolkit.html\`, the single-file page | ${kib(single.raw)} | ${kib(single.gzip)} (${single.gzip} bytes) |

Budget: the whole page at most 150 KB gzip, read strictly as ${BUDGET_GZIP_BYTES} bytes:
${total.gzip <= BUDGET_GZIP_BYTES ? `met, ${BUDGET_GZIP_BYTES - total.gzip} bytes to spare` : `**not met** (${total.gzip - BUDGET_GZIP_BYTES} bytes over)`}.
\`tests/e2e/budget.test.mjs\` fails the build if either page goes over.

## Timings (median)

| what | median | runs | budget |
| --- | --- | --- | --- |
| navigation to first interactive question, \`file://\` | ${ms(median(loads))} | ${loads.length} | at most half of SurveyJS's |
| the same, SurveyJS 2.5.38 showing the same eight questions | ${ms(median(surveyLoads))} | ${surveyLoads.length} | — |
| ratio, ours / SurveyJS | ${(median(loads) / median(surveyLoads)).toFixed(2)} | | at most 0.50 |
| answer click to view updated (handlers, autosave, layout) | ${ms(median(answer))} | ${answer.length} | under 16 ms |
| \`score()\` of one in-depth assessment, in the page | ${ms(median(inPage.score))} | ${inPage.score.length} | — |
| \`score()\` of one in-depth assessment, native | ${native.score_ms.toFixed(4)} ms | 2000 | — |
| \`compare()\` of 10,000 in-depth assessments, in the page | ${ms(median(inPage.compare))} | ${inPage.compare.length} | under 1 s |
| reading the same 10,000 (${(native.bytes / 1e6).toFixed(1)} MB of JSON), native | ${ms(native.read_10000_ms)} | 7 | — |
| comparing them once read, native | ${ms(native.compare_10000_ms)} | 7 | — |

Load time is measured inside each page: \`performance.now()\` when the first enabled answer
appears, counted from the start of navigation. Measured by the test driver's own clock, which
adds its round trips and the wait for the load event to both, the ratio is ${driverRatio.toFixed(2)}
(ours ${ours.map((r) => r.driver).join(', ')} ms; SurveyJS ${theirs.map((r) => r.driver).join(', ')} ms).
Native figures are from \`cargo run --release --example bench\` (the release profile optimises for
size, as the module is).

SurveyJS's library alone (survey.core.min.js, survey-js-ui.min.js, survey-core.min.css) is ${kib(surveyBytes.raw)}, ${kib(surveyBytes.gzip)} gzip, before any questions.

Load times of every run: ours ${loads.join(', ')} ms; SurveyJS ${surveyLoads.join(', ')} ms. \`compare()\` runs: ${inPage.compare.map((x) => x.toFixed(0)).join(', ')} ms (the first includes warming up).
`;
writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
console.log(report);
