// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the page
// opened by its file:// URL exactly as a user double-clicking it would, and a record of every
// request, console error and Content Security Policy violation the page produces.
import { chromium } from 'playwright-core';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pageUrl = pathToFileURL(path.join(root, 'www/index.html')).href;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // The flags keep Chromium from calling home on a machine with no network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens a page that records what it does; `problems()` lists anything a user should never
 * cause: a request outside `allow` (by default only file:, data: and blob:), a console error, a
 * page error or a policy violation. Each call gets a fresh browser context (its own empty localStorage) unless `context`
 * is given, which is how a test opens a second tab or reloads onto saved work.
 */
export async function open(browser, { width = 1280, height = 900, url = pageUrl, context, wait = true, allow = /^(file|data|blob):/ } = {}) {
  context ??= await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const started = Date.now();
  await page.goto(url);
  if (wait) await page.waitForSelector('fieldset.ctk-question');
  const firstQuestionMs = Date.now() - started;
  return {
    page,
    context,
    firstQuestionMs,
    problems() {
      const offsite = requests.filter((u) => !allow.test(u)).map((u) => `request: ${u}`);
      return [...offsite, ...errors];
    },
  };
}

/** The focused element, looking inside shadow roots (the document sees only the host). */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', className: el?.getAttribute('class') ?? '' };
  });
}
