// Measures the page as a user meets it and writes BENCHMARKS.md. Figures are reported, never
// asserted: timings vary with the machine. Run: node scripts/bench.mjs (after scripts/setup.sh).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = pathToFileURL(path.join(root, 'www/index.html')).href;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const files = ['www/index.html', 'www/start.js', 'www/page.css', 'pkg/collab-toolkit.js'];
const bytes = files.map((f) => {
  const data = readFileSync(path.join(root, f));
  return { f, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
});
const total = bytes.reduce((t, b) => ({ raw: t.raw + b.raw, gzip: t.gzip + b.gzip }), { raw: 0, gzip: 0 });

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
// ours and SurveyJS's taken in turn so both see the same machine conditions.
async function firstQuestion(target, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(target);
  await page.waitForSelector(selector, { state: 'attached' });
  const ms = Date.now() - start;
  await context.close();
  return ms;
}
const loads = [];
const surveyLoads = [];
for (let i = 0; i < 9; i++) {
  loads.push(await firstQuestion(url, 'fieldset.ctk-question input:not([disabled])'));
  surveyLoads.push(await firstQuestion(surveyUrl, 'input[type=radio]:not([disabled])'));
}

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
| **total** | **${kib(total.raw)}** | **${kib(total.gzip)}** |

Budget: the whole page at most 150 KiB gzip: ${total.gzip <= 150 * 1024 ? 'met' : `**not met** (${kib(total.gzip - 150 * 1024)} over)`}.

## Timings (median)

| what | median | runs | budget |
| --- | --- | --- | --- |
| navigation to first interactive question, \`file://\` | ${ms(median(loads))} | ${loads.length} | at most half of SurveyJS's |
| the same, SurveyJS 2.5.38 showing the same eight questions | ${ms(median(surveyLoads))} | ${surveyLoads.length} | — |
| ratio, ours / SurveyJS | ${(median(loads) / median(surveyLoads)).toFixed(2)} | | at most 0.50 |
| answer click to view updated (handlers, autosave, layout) | ${ms(median(answer))} | ${answer.length} | under 16 ms |
| \`score()\` of one in-depth assessment, in the page | ${ms(median(inPage.score))} | ${inPage.score.length} | — |
| \`compare()\` of 10,000 in-depth assessments, in the page | ${ms(median(inPage.compare))} | ${inPage.compare.length} | under 1 s |

SurveyJS's library alone (survey.core.min.js, survey-js-ui.min.js, survey-core.min.css) is ${kib(surveyBytes.raw)}, ${kib(surveyBytes.gzip)} gzip, before any questions.

Load times of every run: ours ${loads.join(', ')} ms; SurveyJS ${surveyLoads.join(', ')} ms. \`compare()\` runs: ${inPage.compare.map((x) => x.toFixed(0)).join(', ')} ms (the first includes warming up).
`;
writeFileSync(path.join(root, 'BENCHMARKS.md'), report);
console.log(report);
