// Accessibility: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every view, with zero violations;
// and the quick check completed, results reached and an action added with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { focused, launch, open } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const good = readFileSync(new URL('../fixtures/good-quick.json', import.meta.url), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs axe in the page (through the test driver, which the page's own policy does not govern). */
async function violations(page) {
  await page.evaluate(axeSource);
  // preload: false, or axe fetches the page's stylesheets, which the page's policy forbids.
  const result = await page.evaluate(() => window.axe.run(document, {
    preload: false,
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  // Reflow (WCAG 1.4.10): nothing may make the page scroll sideways, down to 320 px.
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (sideways > 0) found.push(`reflow: the page scrolls sideways by ${sideways} px`);
  return found;
}

for (const width of [320, 1280]) {
  test(`every view has no WCAG 2.2 AA violation and no sideways scrolling at ${width} px`, async () => {
    const { page, problems } = await open(browser, { width, height: 800 });
    const seen = {};
    seen['quick check'] = await violations(page);
    await page.click('.ctk-view button[data-action=check]');
    seen['error summary'] = await violations(page);
    await page.click('label[for="ctk1-depth-deep"]');
    await page.click('label[for="ctk1-stage-planned"]');
    seen['in-depth audit'] = await violations(page);
    await page.click('label[for="ctk1-q-trust.openness-2"]');
    await page.click('label[for="ctk1-q-purpose.shared-unsure"]');
    await page.click('.ctk-view button[data-action=check]');
    seen['check your answers'] = await violations(page);
    await page.click('.ctk-view button[data-action=results]');
    await page.click('.ctk-gap >> nth=0 >> button[data-action=plan-from-gap]');
    seen['results and action plan'] = await violations(page);
    await page.click('.ctk-nav button[data-action=library]');
    seen['saved, export and import'] = await violations(page);
    await page.setInputFiles('input[data-files=import]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
    await page.waitForSelector('.ctk-error-summary');
    seen['import error'] = await violations(page);
    await page.click('.ctk-nav button[data-action=compare]');
    await page.setInputFiles('input[data-files=compare]', [
      { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(good) },
      { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(good.replace('"North Trust"', '"Riverside PCN"')) },
    ]);
    await page.waitForSelector('.ctk-table');
    seen.compare = await violations(page);
    for (const [view, found] of Object.entries(seen)) assert.deepEqual(found, [], `${view} at ${width} px`);
    assert.deepEqual(problems(), []);
  });
}

test('the quick check can be answered, results reached and an action added with the keyboard alone', async () => {
  const { page, problems } = await open(browser);
  const answered = new Set();
  // Tab through the page; in each question's radio group press Space on the level the Tab lands
  // on, then move on. Stop on the "See your results" button and press Enter.
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    const question = now.id.match(/^ctk1-q-(.+)-1$/);
    if (question && !answered.has(question[1])) {
      await page.keyboard.press('ArrowDown'); // level 2
      await page.keyboard.press('Space');
      answered.add(question[1]);
    }
    if (now.className === 'ctk-button' && answered.size === 8) break;
  }
  assert.equal(answered.size, 8);
  assert.equal(await page.textContent('.ctk-progress'), '8 of 8 questions answered');
  await page.keyboard.press('Enter');
  assert.equal(await page.textContent('h1'), 'Check your answers');
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the new heading');
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).className === 'ctk-button') break;
  }
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the results heading');
  assert.equal(await page.textContent('.ctk-overall__figure'), '25 %');
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-action');
    })) === 'plan-from-gap') break;
  }
  await page.keyboard.press('Enter');
  assert.match((await focused(page)).id, /-measure$/, 'focus goes to the new action');
  await page.keyboard.type('No partner hears of a problem first from a board report');
  assert.equal(await page.locator('.ctk-action').count(), 1);
  assert.deepEqual(problems(), []);
});
