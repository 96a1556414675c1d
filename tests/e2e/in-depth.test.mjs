// The in-depth audit: choosing the depth, the scale hiding questions that do not apply, the
// questions grouped by principle, readiness wording for planned collaborations, and results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { focused, launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the in-depth audit can be completed from disk, grouped by principle, with hidden questions explained', async (t) => {
  const { page, problems } = await open(browser);
  await page.click('label[for="ctk1-depth-deep"]');
  assert.equal(await page.locator('fieldset.ctk-question').count(), 40, 'no scale chosen: every question shows');
  assert.equal((await focused(page)).id, 'ctk1-depth-deep', 'focus stays on the choice just made');

  await page.click('label[for="ctk1-scale-3"]');
  assert.equal(await page.locator('fieldset.ctk-question').count(), 37);
  assert.equal(await page.textContent('.ctk-hidden-note'),
    '3 questions do not apply to a collaboration across a service or pathway, so they are not shown.');
  const groups = await page.$$eval('section.ctk-principle', (s) => s.map((g) => [g.querySelector('h2').textContent, g.querySelectorAll('fieldset').length]));
  assert.deepEqual(groups.map((g) => g[0]), [
    'Shared purpose and need', 'Commitment and ownership', 'Trust and relationships', 'Governance and accountability',
    'Communication and information sharing', 'Involving patients, public and communities', 'Resources and capability',
    'Outcomes, learning and review',
  ]);
  assert.equal(groups.reduce((n, g) => n + g[1], 0), 37);
  assert.match(await page.textContent('.ctk-principle__summary'), /Partnerships that last start from a need/);

  await page.click('label[for="ctk1-scale-1"]');
  assert.equal(await page.locator('fieldset.ctk-question').count(), 32);
  assert.match(await page.textContent('.ctk-hidden-note'), /^8 questions do not apply to a collaboration between individuals/);

  // Every question at level 3, then one at level 1: principle means are 3 except trust (2.6).
  const started = Date.now();
  const ids = await page.$$eval('fieldset.ctk-question', (qs) => qs.map((q) => q.id));
  for (const id of ids) await page.click(`label[for="${id}-3"]`);
  await page.click('label[for="ctk1-q-trust.respect-1"]');
  t.diagnostic(`answered ${ids.length} questions in ${Date.now() - started} ms`);
  assert.equal(await page.textContent('.ctk-progress'), '32 of 32 questions answered');
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  const rows = await page.$$eval('.ctk-table tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.match(rows[2], /^Trust and relationships 40 % \(level 2\.6\) Concern$/);
  assert.match(rows[0], /^Shared purpose and need 50 % \(level 3\.0\) Developing$/);
  // (7 × 3 + 2.6) / 8 = 2.95: a concern, 49 %.
  assert.equal(await page.textContent('.ctk-overall__figure'), '49 %');
  assert.match(await page.textContent('.ctk-list'), /People in each partner value each other's expertise/);
  assert.deepEqual(problems(), []);
  await page.close();
});

test('a planned collaboration is asked about readiness', async () => {
  const { page, problems } = await open(browser);
  const legend = () => page.textContent('[id="ctk1-q-trust.openness"] .ctk-statement');
  assert.equal(await legend(), 'Partners raise problems with each other early and openly.');
  await page.click('label[for="ctk1-stage-planned"]');
  assert.equal(await legend(), 'Partners have agreed how they will raise problems with each other early and openly.');
  await page.click('label[for="ctk1-stage-established"]');
  assert.equal(await legend(), 'Partners raise problems with each other early and openly.');
  assert.deepEqual(problems(), []);
  await page.close();
});

test('switching depth keeps answers already given', async () => {
  const { page, problems } = await open(browser);
  await page.click('label[for="ctk1-q-trust.openness-4"]');
  await page.click('label[for="ctk1-depth-deep"]');
  await page.click('label[for="ctk1-q-trust.promises-2"]');
  await page.click('label[for="ctk1-depth-quick"]');
  assert.equal(await page.locator('fieldset.ctk-question').count(), 8);
  assert.equal(await page.isChecked('[id="ctk1-q-trust.openness-4"]'), true);
  await page.click('label[for="ctk1-depth-deep"]');
  assert.equal(await page.isChecked('[id="ctk1-q-trust.promises-2"]'), true);
  assert.deepEqual(problems(), []);
  await page.close();
});
