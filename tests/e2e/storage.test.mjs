// Never lose work: autosave and reload, storage that is full, blocked or corrupted, two tabs
// editing the same assessment, and managing several saved assessments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const status = (page) => page.textContent('.ctk-status');

test('answers, notes and context survive a reload', async () => {
  const { page, problems } = await open(browser);
  await page.fill('[data-field=title]', 'Stroke pathway');
  await page.click('label[for="ctk1-scale-3"]');
  await page.click('label[for="ctk1-q-trust.openness-4"]');
  await page.fill('[id="ctk1-q-trust.openness-note"]', 'Joint incident review in May');
  assert.equal(await status(page), 'Saved in this browser.');
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  assert.equal(await page.inputValue('[data-field=title]'), 'Stroke pathway');
  assert.equal(await page.isChecked('#ctk1-scale-3'), true);
  assert.equal(await page.isChecked('[id="ctk1-q-trust.openness-4"]'), true);
  assert.equal(await page.inputValue('[id="ctk1-q-trust.openness-note"]'), 'Joint incident review in May');
  assert.deepEqual(problems(), []);
});

test('when storage is full the page says so, keeps working, and saves once space returns', async () => {
  const { page, context, problems } = await open(browser, { wait: false });
  await context.addInitScript(() => {
    const real = Storage.prototype.setItem;
    window.__full = true;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  await page.click('label[for="ctk1-q-purpose.shared-2"]');
  assert.equal(await status(page), "Not saved in this browser: this browser's storage for the page is full. Export your assessment to keep your work.");
  await page.click('label[for="ctk1-q-trust.openness-3"]');
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  assert.equal(await page.textContent('.ctk-overall__figure'), '38 %', 'results still work from memory');
  await page.evaluate(() => { window.__full = false; });
  await page.click('.ctk-nav button[data-action=questions]');
  await page.click('label[for="ctk1-q-trust.openness-4"]');
  assert.equal(await status(page), 'Saved in this browser.');
  assert.deepEqual(problems(), []);
});

test('when storage is blocked the toolkit still works in memory and says so', async () => {
  const { page, context, problems } = await open(browser, { wait: false });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied', 'SecurityError'); } });
  });
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  assert.match(await status(page), /This browser is not saving your work: storage is turned off or blocked/);
  await page.click('label[for="ctk1-q-purpose.shared-5"]');
  assert.match(await status(page), /Not saved in this browser: storage is turned off or blocked/);
  await page.click('.ctk-view button[data-action=check]');
  await page.click('.ctk-view button[data-action=results]');
  assert.equal(await page.textContent('.ctk-overall__figure'), '100 %');
  assert.deepEqual(problems(), []);
});

test('a corrupted saved entry is kept under a backup key and the user is told', async () => {
  const { page, problems } = await open(browser);
  await page.click('label[for="ctk1-q-purpose.shared-2"]');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':a:')));
  await page.evaluate((k) => localStorage.setItem(k, '{"format": "collab-toolkit/assessment", "format_version": 1, oops'), key);
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  assert.match(await status(page), /A saved assessment could not be read \(line 1, column \d+: this is not valid JSON.*kept in this browser under the key "collab-toolkit:toolkit:collab-audit:backup:/);
  const kept = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes(':backup:')).map(([, v]) => v));
  assert.deepEqual(kept, ['{"format": "collab-toolkit/assessment", "format_version": 1, oops']);
  assert.equal(await page.isChecked('[id="ctk1-q-purpose.shared-2"]'), false, 'a fresh assessment is open');
  await page.click('label[for="ctk1-q-purpose.shared-3"]');
  assert.match(await status(page), /Saved in this browser\.$/);
  assert.deepEqual(problems(), []);
});

test('an edit in another tab is noticed, not overwritten', async () => {
  const first = await open(browser);
  await first.page.click('label[for="ctk1-q-purpose.shared-2"]');
  const second = await open(browser, { context: first.context });
  assert.equal(await second.page.isChecked('[id="ctk1-q-purpose.shared-2"]'), true, 'the second tab opens the same work');
  await second.page.click('label[for="ctk1-q-trust.openness-5"]');
  await first.page.waitForSelector('.ctk-status button[data-action=conflict-load]');
  assert.match(await status(first.page), /changed in another tab or window/);
  await first.page.click('label[for="ctk1-q-governance.decisions-1"]');
  const stored = await first.page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes(':a:'))[1]);
  assert.equal(JSON.parse(stored).answers['governance.decisions'], undefined, 'the first tab did not overwrite the second');
  await first.page.click('button[data-action=conflict-load]');
  assert.equal(await first.page.isChecked('[id="ctk1-q-trust.openness-5"]'), true);
  assert.equal(await status(first.page), 'Your answers are saved in this browser as you go.');
  assert.deepEqual([...first.problems(), ...second.problems()], []);
});

test('several assessments: new, rename, duplicate, delete with undo, and the last one reopens', async () => {
  const { page, problems } = await open(browser);
  const library = async () => { await page.click('.ctk-nav button[data-action=library]'); };
  const titles = () => page.$$eval('.ctk-saved__title', (h) => h.map((e) => e.firstChild.textContent));
  await page.fill('[data-field=title]', 'Frailty clinic');
  await library();
  await page.click('button[data-action=new]');
  await page.fill('[data-field=title]', 'Pathology network');
  await page.click('label[for="ctk1-q-trust.openness-2"]');
  await library();
  assert.deepEqual(await titles(), ['Pathology network', 'Frailty clinic']);

  await page.click('.ctk-saved:nth-child(2) button[data-action=rename]');
  await page.fill('#ctk1-rename', 'Frailty clinic (north)');
  await page.click('button[data-action=rename-save]');
  await page.click('.ctk-saved:has-text("Pathology network") button[data-action=duplicate]');
  assert.deepEqual((await titles()).sort(), ['Copy of Pathology network', 'Frailty clinic (north)', 'Pathology network']);

  await page.click('.ctk-saved:has-text("Frailty clinic (north)") button[data-action=delete]');
  assert.match(await status(page), /Deleted "Frailty clinic \(north\)"/);
  assert.equal((await titles()).length, 2);
  await page.click('.ctk-status button[data-action=undo]');
  assert.equal((await titles()).length, 3);

  await page.click('.ctk-saved:has-text("Frailty clinic (north)") button[data-action=open]');
  await page.reload();
  await page.waitForSelector('fieldset.ctk-question');
  assert.equal(await page.inputValue('[data-field=title]'), 'Frailty clinic (north)', 'the last one opened reopens');
  assert.deepEqual(problems(), []);
});
