// From answers to a printed action plan: the in-depth audit, the results with charts, gaps
// and leadership focus, an action added from a gap and made SMART, and the PDF's text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { focused, launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const nextYear = `${new Date().getFullYear() + 1}-03-31`;

async function answerDeep(page) {
  await page.click('label[for="ctk1-depth-deep"]');
  await page.click('label[for="ctk1-scale-3"]');
  await page.fill('[data-field=title]', 'Community frailty pathway');
  const ids = await page.$$eval('fieldset.ctk-question', (qs) => qs.map((q) => q.id));
  for (const id of ids) await page.click(`label[for="${id}-4"]`);
  await page.click('label[for="ctk1-q-trust.openness-1"]');
  await page.click('label[for="ctk1-q-governance.roles-2"]');
  await page.click('label[for="ctk1-q-outcomes.data-unsure"]');
  return ids.length;
}

test('the in-depth audit leads to results, a SMART action and a printed plan', async () => {
  const { page, problems } = await open(browser);
  assert.equal(await answerDeep(page), 37);
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');

  assert.equal(await page.locator('figure.ctk-bars figcaption').textContent(), 'Score for each principle');
  assert.match(await page.locator('figure.ctk-bars .ctk-visually-hidden').textContent(), /same figures are in the table/);
  assert.match(await page.textContent('figure.ctk-bars'), /Trust60 % Developing/);
  assert.equal(await page.locator('figure.ctk-bars li', { hasText: 'Trust' }).locator('rect').getAttribute('width'), '60', 'the bar is as long as the score');
  assert.equal(await page.locator('svg.ctk-chart title').textContent(), 'Profile across the principles');

  const gaps = await page.$$eval('.ctk-gap', (li) => li.map((l) => l.innerText));
  assert.equal(gaps.length, 2);
  assert.match(gaps[0], /Partners raise problems with each other early and openly/, 'level 1 first');
  assert.match(gaps[0], /What good looks like next \(2 Emerging\): Problems are raised once they have grown/);
  assert.match(gaps[1], /Everyone involved knows their role/);
  assert.match(await page.textContent('.ctk-evidence'), /Partners track progress with shared data.*To find out: Where do the figures come from/s);
  const focus = await page.$$eval('.ctk-leadership > ol > li', (li) => li.map((l) => l.innerText));
  assert.match(focus[0], /^(Leading with care|Engaging the team|Holding to account): need \d+ %/);
  assert.match(focus.join('\n'), /Driven by:[\s\S]*Level 1: Partners raise problems with each other early and openly/);

  // An action from the first gap: prefilled, linked, and focus on the measure.
  await page.click('.ctk-gap >> nth=0 >> button[data-action=plan-from-gap]');
  const id = (await focused(page)).id;
  assert.match(id, /^ctk1-plan-action-.*-measure$/);
  const action = id.replace(/-measure$/, '');
  assert.equal(await page.inputValue(`[id="${action}-what"]`), 'Agree how, and how fast, partners will tell each other about a problem, and test it on the next one.');
  assert.equal(await page.inputValue(`[id="${action}-addresses"]`), 'trust.openness');
  const smart = () => page.textContent(`[id="${action}-smart"] .ctk-smart__summary`);
  assert.equal(await smart(), 'SMART: 2 of 5');
  assert.match(await page.textContent(`[id="${action}-smart"]`), /No measure: say how you will know it has worked\./);
  await page.fill(`[id="${action}-measure"]`, 'No partner hears of a problem first from a board report');
  assert.equal((await focused(page)).id, `${action}-measure`, 'typing keeps focus');
  await page.fill(`[id="${action}-owner"]`, 'Clinical lead, North Trust');
  assert.match(await page.textContent(`[id="${action}-smart"]`), /Due date missing/);
  await page.fill(`[id="${action}-due"]`, nextYear);
  assert.equal(await smart(), 'SMART: 5 of 5');

  // Print to PDF as a person would with "Save as PDF", and read its text back.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctk-pdf-'));
  writeFileSync(path.join(dir, 'report.pdf'), pdf);
  const text = execFileSync('pdftotext', [path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Results: Community frailty pathway/);
  assert.match(text, /Action plan/);
  assert.match(text, /No partner hears of a problem first from a board report/);
  assert.match(text, /Clinical lead, North Trust/);
  assert.ok(text.includes(nextYear), 'the due date is printed');
  assert.match(text, /SMART SMART/);
  assert.doesNotMatch(text, /Add an action|Print or save as PDF|Change your answers|Saved, export and import/, 'no buttons or navigation on paper');
  assert.deepEqual(problems(), []);
});

test('actions can be added blank, reordered, marked done, deleted and brought back', async () => {
  const { page, problems } = await open(browser);
  await page.click('label[for="ctk1-q-trust.openness-2"]');
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  await page.click('button[data-action=plan-add]');
  await page.keyboard.type('Write the information sharing agreement with both data protection officers');
  await page.click('button[data-action=plan-add]');
  await page.keyboard.type('Improve trust');
  const whats = () => page.$$eval('[data-plan-field=what]', (ts) => ts.map((t) => t.value));
  assert.match(await page.textContent('.ctk-action >> nth=1'), /too short to act on|too vague to act on/);
  await page.click('.ctk-action >> nth=1 >> button[data-action=plan-up]');
  assert.deepEqual(await whats(), ['Improve trust', 'Write the information sharing agreement with both data protection officers']);
  await page.selectOption('.ctk-action >> nth=1 >> select[data-plan-field=status]', 'done');
  await page.click('.ctk-action >> nth=0 >> button[data-action=plan-delete]');
  assert.deepEqual(await whats(), ['Write the information sharing agreement with both data protection officers']);
  assert.match(await page.textContent('.ctk-status'), /Deleted "Improve trust" from the action plan/);
  await page.click('.ctk-status button[data-action=plan-undo]');
  assert.deepEqual(await whats(), ['Improve trust', 'Write the information sharing agreement with both data protection officers']);
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  await page.click('.ctk-nav button[data-action=results]');
  assert.deepEqual(await whats(), ['Improve trust', 'Write the information sharing agreement with both data protection officers'], 'the plan is saved');
  assert.equal(await page.inputValue('.ctk-action >> nth=1 >> select[data-plan-field=status]'), 'done');
  assert.deepEqual(problems(), []);
});
