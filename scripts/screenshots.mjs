// Screenshots of every view at phone and desktop widths, to look at after changing the look:
// node scripts/screenshots.mjs, then open target/screens/*.png. Each view is cut into pieces a
// screen high or so (at most four), so an image viewer shows them at a readable size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, open } from '../tests/e2e/browser.mjs';
import { root } from './budget.mjs';

const out = path.join(root, 'target/screens');
mkdirSync(out, { recursive: true });
const good = readFileSync(path.join(root, 'tests/fixtures/good-quick.json'), 'utf8');
const browser = await launch();
for (const width of [320, 1280]) {
  const { page, problems } = await open(browser, { width, height: 800 });
  const shot = async (name) => {
    const step = width === 320 ? 1100 : 1300;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height && n <= 4; y += step, n++) {
      const file = `${width}-${name}-${n}.png`;
      await page.screenshot({ path: path.join(out, file), fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
      console.log(file);
    }
  };
  await shot('1-quick-check');
  await page.click('.ctk-view button[data-action=check]');
  await shot('2-error-summary');
  for (const [i, id] of ['purpose.shared', 'trust.openness', 'governance.decisions'].entries()) {
    await page.click(`label[for="ctk1-q-${id}-${i + 2}"]`).catch(() => {});
  }
  await page.click('label[for="ctk1-depth-deep"]');
  await shot('3-in-depth');
  await page.click('.ctk-view button[data-action=check]');
  await shot('4-check-answers');
  await page.click('.ctk-view button[data-action=results]');
  await page.click('.ctk-gap >> nth=0 >> button[data-action=plan-from-gap]').catch(() => {});
  await shot('5-results-and-plan');
  await page.click('.ctk-nav button[data-action=library]');
  await page.setInputFiles('input[data-files=import]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
  await page.waitForSelector('.ctk-error-summary');
  await shot('6-library-import-error');
  await page.click('.ctk-nav button[data-action=compare]');
  await page.setInputFiles('input[data-files=compare]', [
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(good) },
    { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(good.replace('"North Trust"', '"Riverside PCN"').replace(/"level": 4/g, '"level": 2')) },
  ]);
  await page.waitForSelector('.ctk-table');
  await shot('7-compare');
  if (width === 1280) {
    // The printed report, as "Print or save as PDF" gives it: A4 pages as PNGs.
    await page.click('.ctk-nav button[data-action=results]');
    await page.emulateMedia({ media: 'print' });
    writeFileSync(path.join(out, 'report.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '4', path.join(out, 'report.pdf'), path.join(out, 'print')]);
    console.log('print-*.png');
  }
  if (problems().length) console.log('problems:', problems());
}
await browser.close();
