// The quick check, opened from disk, answered and scored as a user would do it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { focused, launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// One answer per principle, in instrument order. Levels 2 3 4 4 5 1 3 and "Not sure":
// seven principle means whose mean is 22/7 = 3.14, so 54 % and "Developing"; the weakest is
// involving patients (1), and outcomes has no score.
const ANSWERS = ['2', '3', '4', '4', '5', '1', '3', 'unsure'];

async function answerAll(page) {
  const ids = await page.$$eval('fieldset.ctk-question', (qs) => qs.map((q) => q.id));
  assert.equal(ids.length, ANSWERS.length);
  for (const [i, id] of ids.entries()) {
    await page.click(`label[for="${id}-${ANSWERS[i]}"]`);
  }
}

test('the page opens from disk and shows the eight quick-check questions', async (t) => {
  const { page, firstQuestionMs, problems } = await open(browser);
  t.diagnostic(`first question visible ${firstQuestionMs} ms after navigation`);
  assert.equal(await page.textContent('h1'), 'How well is your collaboration working?');
  assert.equal(await page.locator('fieldset.ctk-question').count(), 8);
  const first = page.locator('fieldset.ctk-question').first();
  assert.match(await first.locator('legend').textContent(), /Question 1 of 8.*Partners agree what the collaboration is for/);
  assert.equal(await first.locator('input[type=radio]').count(), 7, 'five levels, Not sure and Not applicable');
  assert.equal(await page.textContent('.ctk-progress'), '0 of 8 questions answered');
  assert.deepEqual(problems(), []);
  await page.close();
});

test('answering every question leads to the right results, with nothing sent anywhere', async () => {
  const { page, problems } = await open(browser);
  await page.fill('input[data-field=title]', 'Joint frailty clinic');
  await page.click('label[for="ctk1-scale-3"]');
  await answerAll(page);
  assert.equal(await page.textContent('.ctk-progress'), '8 of 8 questions answered');
  await page.click('.ctk-view button[data-action=check]');
  assert.equal(await page.textContent('h1'), 'Check your answers');
  assert.match(await page.textContent('.ctk-view'), /Partners raise problems with each other early and openly\.\s*4 Established/);
  await page.click('.ctk-view button[data-action=results]');

  assert.equal(await page.textContent('h1'), 'Results: Joint frailty clinic');
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the new heading');
  assert.equal(await page.textContent('.ctk-overall__figure'), '54 %');
  assert.equal(await page.textContent('.ctk-overall .ctk-tag'), 'Developing');
  assert.match(await page.textContent('.ctk-panel'), /Weakest principle: Involving patients, public and communities/);
  const rows = await page.$$eval('.ctk-table tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.equal(rows.length, 8);
  assert.match(rows[0], /^Shared purpose and need 25 % \(level 2\.0\) Concern$/);
  assert.match(rows[4], /^Communication and information sharing 100 % \(level 5\.0\) Strength$/);
  assert.match(rows[7], /^Outcomes, learning and review – Not enough evidence$/);
  const gaps = await page.$$eval('.ctk-list', (lists) => lists.map((l) => l.innerText));
  assert.match(gaps[0], /People who use the services help shape[\s\S]*Partners agree what the collaboration is for/, 'level 1 before level 2');
  assert.match(gaps[1], /Partners agree how they will know the collaboration is working/);
  assert.deepEqual(problems(), [], 'no request left the page and the console shows no error');
  await page.close();
});

test('going back keeps every answer', async () => {
  const { page, problems } = await open(browser);
  await answerAll(page);
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  await page.click(".ctk-view button[data-action=questions]");
  const checked = await page.$$eval('input[data-item]:checked', (inputs) => inputs.map((i) => i.value));
  assert.deepEqual(checked, ANSWERS);
  assert.deepEqual(problems(), []);
  await page.close();
});

test('asking for results with nothing answered shows the error summary, which leads to the first question', async () => {
  const { page, problems } = await open(browser);
  await page.click('.ctk-view button[data-action=check]');
  assert.equal(await page.textContent('.ctk-error-summary h2'), 'There is a problem');
  assert.equal((await focused(page)).className, 'ctk-error-summary');
  await page.click('.ctk-error-summary a');
  assert.equal((await focused(page)).id, 'ctk1-q-purpose.shared-1');
  await page.click('label[for="ctk1-q-purpose.shared-4"]');
  assert.equal(await page.locator('.ctk-error-summary').count(), 0, 'the summary goes once an answer is given');
  assert.deepEqual(problems(), []);
  await page.close();
});

test('text a user types is shown as text, never run as markup', async () => {
  const { page, problems } = await open(browser);
  const title = '<img src=x onerror="document.title=1">Pathway & <b>partners</b>';
  await page.fill('input[data-field=title]', title);
  await page.click('label[for="ctk1-q-trust.openness-4"]');
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  assert.equal(await page.textContent('h1'), `Results: ${title}`);
  assert.equal(await page.locator('.ctk img, .ctk h1 b').count(), 0);
  assert.deepEqual(problems(), []);
  await page.close();
});

test('the page is usable at phone width', async () => {
  const { page, problems } = await open(browser, { width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing scrolls sideways at 320 px');
  assert.deepEqual(problems(), []);
  await page.close();
});
