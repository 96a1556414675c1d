// Export and import in the page: files a person can save and send, checked against the
// committed JSON Schema, and bad files refused with every problem listed and nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { launch, open } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name) => path.join(root, 'tests/fixtures', name);
const schema = JSON.parse(readFileSync(path.join(root, 'docs/assessment.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function toLibrary(page) {
  await page.click('.ctk-nav button[data-action=library]');
}

test('the JSON Schema accepts the good fixture and refuses a bad one', () => {
  assert.equal(validate(JSON.parse(readFileSync(fixture('good-quick.json'), 'utf8'))), true, JSON.stringify(validate.errors));
  assert.equal(validate(JSON.parse(readFileSync(fixture('bad/12-level-seven.json'), 'utf8'))), false);
  assert.equal(validate(JSON.parse(readFileSync(fixture('bad/27-unknown-field.json'), 'utf8'))), false);
});

test('export gives a JSON file in the public format that imports back, and a CSV for spreadsheets', async () => {
  const { page, problems } = await open(browser);
  await page.fill('[data-field=title]', 'Joint frailty clinic');
  await page.click('label[for="ctk1-q-trust.openness-2"]');
  await page.fill('[id="ctk1-q-trust.openness-note"]', 'Escalations, "late", in March');
  await toLibrary(page);

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action=export-json]')]);
  assert.match(json.suggestedFilename(), /^joint-frailty-clinic-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await json.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  assert.deepEqual(doc.answers['trust.openness'], { level: 2, note: 'Escalations, "late", in March' });
  assert.equal(doc.results.overall.percent, 25);
  const back = await page.evaluate((t) => CollabToolkit.exportAssessment(CollabToolkit.importAssessment(t)), text);
  assert.equal(back, text, 'export, import and export again gives the same text');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action=export-csv]')]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const sheet = readFileSync(await csv.path(), 'utf8');
  assert.ok(sheet.startsWith('\uFEFF"Principle","Item","Statement","Level","Answer","Note"\r\n'));
  assert.ok(sheet.includes('"trust.openness","Partners raise problems with each other early and openly.","2","Emerging","Escalations, ""late"", in March"'));
  assert.deepEqual(problems(), []);
});

test('importing a file adds it and opens it; its text is shown as text', async () => {
  const { page, problems } = await open(browser);
  await toLibrary(page);
  const doc = JSON.parse(readFileSync(fixture('good-quick.json'), 'utf8'));
  doc.context.title = '<img src=x onerror="document.title=1">Frailty';
  await page.setInputFiles('input[type=file][data-files=import]', { name: 'frailty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForSelector('.ctk-notice');
  assert.match(await page.textContent('.ctk-notice'), /Imported "<img src=x onerror="document.title=1">Frailty"/);
  assert.equal(await page.locator('.ctk img').count(), 0);
  await page.click('.ctk-nav button[data-action=questions]');
  assert.equal(await page.isChecked('[id="ctk1-q-trust.openness-3"]'), true);
  assert.equal(await page.inputValue('[data-field=title]'), doc.context.title);
  assert.deepEqual(problems(), []);
});

test('bad files are refused with every problem listed, change nothing, and leave the page working', async () => {
  const { page, problems } = await open(browser);
  await page.fill('[data-field=title]', 'My own work');
  await page.click('label[for="ctk1-q-purpose.shared-4"]');
  await toLibrary(page);
  const manifest = readFileSync(fixture('bad/expected.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  assert.ok(manifest.length >= 25);
  for (const [file, fragment] of manifest) {
    await page.setInputFiles('input[type=file][data-files=import]', fixture(`bad/${file}`));
    await page.waitForSelector('.ctk-error-summary');
    const summary = await page.textContent('.ctk-error-summary');
    const count = fragment.match(/^(\d+) problems:$/);
    if (count) {
      // The page lists each problem on its own line rather than under a count.
      assert.equal(await page.locator('.ctk-error-summary li').count(), Number(count[1]), summary);
    } else {
      assert.ok(summary.includes(`${file}: `) && summary.includes(fragment), `${file}: expected ${fragment} in ${summary}`);
    }
  }
  assert.equal(await page.locator('.ctk-saved').count(), 1, 'nothing was added');
  await page.click('.ctk-nav button[data-action=questions]');
  assert.equal(await page.inputValue('[data-field=title]'), 'My own work', 'the open assessment is untouched');
  await page.click('label[for="ctk1-q-purpose.shared-5"]');
  assert.equal(await page.textContent('.ctk-status'), 'Saved in this browser.');
  assert.deepEqual(problems(), []);
});

test('a file over 5 MB is refused before it is read', async () => {
  const { page, problems } = await open(browser);
  await toLibrary(page);
  await page.setInputFiles('input[type=file][data-files=import]', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32) });
  await page.waitForSelector('.ctk-error-summary');
  assert.match(await page.textContent('.ctk-error-summary'), /huge\.json: the file is larger than 5 MB/);
  assert.deepEqual(problems(), []);
});

test('files can be dropped onto the import area', async () => {
  const { page, problems } = await open(browser);
  await toLibrary(page);
  const text = readFileSync(fixture('good-quick.json'), 'utf8');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    const zone = document.getElementById('toolkit').shadowRoot.querySelector('.ctk-dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForSelector('.ctk-notice');
  assert.match(await page.textContent('.ctk-notice'), /Imported "Joint frailty clinic"/);
  assert.deepEqual(problems(), []);
});
