// Comparing partners: a batch of exported files loaded at once, figures per principle and per
// organisation, contested principles flagged, change since an earlier round, bad files named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, open } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/good-quick.json'), 'utf8'));

/** A quick-check export from `organisation` with the same level on every principle but trust. */
function file(name, organisation, level, trust) {
  const doc = structuredClone(base);
  doc.context.organisation = organisation;
  doc.answers = {};
  for (const id of ['purpose.shared', 'commitment.sponsors', 'governance.decisions', 'communication.information',
    'involvement.voice', 'resources.commitment', 'outcomes.measures']) doc.answers[id] = { level };
  doc.answers['trust.openness'] = { level: trust };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a batch of files compares by principle and organisation, flags contested principles and shows change', async () => {
  const { page, problems } = await open(browser);
  await page.click('.ctk-nav button[data-action=compare]');
  await page.setInputFiles('input[data-files=compare]', [
    file('north-1.json', 'North Trust', 4, 5),
    file('north-2.json', 'North Trust', 4, 4),
    file('pcn.json', 'Riverside PCN', 3, 2),
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "collab-toolkit/assessment", "format_version": 7}') },
  ]);
  await page.waitForSelector('.ctk-table');
  assert.match(await page.textContent('.ctk-error-summary'), /broken\.json: format_version: is 7: the file was made by a newer version/);
  assert.match(await page.textContent('.ctk-view'), /3 assessments from 2 organisations or perspectives/);
  // Trust: 5, 4, 2 → spread 3: contested. Others: 4, 4, 3 → spread 1: agreed.
  assert.match(await page.textContent('.ctk-warning'), /Partners see these principles differently: Trust and relationships/);
  const rows = await page.$$eval('.ctk-table >> nth=0', () => []);
  const principleRows = await page.$$eval('table.ctk-table:first-of-type tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  void rows;
  assert.equal(principleRows[2], 'Trust and relationships 3 3.6 2.0 5.0 3.0 Contested');
  assert.equal(principleRows[0], 'Shared purpose and need 3 3.6 3.0 4.0 1.0 Agreed');
  assert.equal(await page.locator('svg.ctk-chart title').textContent(), 'Mean level by principle for each organisation');
  assert.equal(await page.locator('svg.ctk-chart polygon[stroke-width="3"]').count(), 2, 'one line per organisation');
  assert.match(await page.textContent('.ctk-legend'), /North Trust \(2\).*Riverside PCN \(1\)/);

  await page.setInputFiles('input[data-files=compare-earlier]', [file('last-year.json', 'North Trust', 2, 2)]);
  await page.waitForSelector('th:has-text("Change")');
  const withChange = await page.$$eval('table.ctk-table:first-of-type tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.equal(withChange[2], 'Trust and relationships 3 3.6 2.0 5.0 3.0 +1.6 Contested');

  const api = await page.evaluate(() => CollabToolkit.compare([], undefined));
  assert.equal(api.respondents, 0);
  const refused = await page.evaluate(() => { try { CollabToolkit.compare([{}]); return 'accepted'; } catch (e) { return `${e instanceof Error} ${e.message}`; } });
  assert.match(refused, /^true assessments\[0\]\.format: is missing/);
  assert.deepEqual(problems(), []);
});
