// The byte budget of #7: the page as it loads from disk, and the single-file page, each at most
// 150 KB gzipped. Bytes do not vary between runs, so unlike timings this fails the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUDGET_GZIP_BYTES, PAGE_FILES, pageBytes, root } from '../../scripts/budget.mjs';

test('the page loads at most 150 KB gzipped', () => {
  const { each, total } = pageBytes();
  const detail = each.map((b) => `${b.f} ${b.gzip}`).join(', ');
  assert.ok(total.gzip <= BUDGET_GZIP_BYTES, `page is ${total.gzip} bytes gzipped (${detail}); the budget is ${BUDGET_GZIP_BYTES}`);
});

test('the budget counts every file the page loads', () => {
  const html = readFileSync(path.join(root, 'www/index.html'), 'utf8');
  const loaded = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)]
    .map((m) => path.posix.normalize(`www/${m[1]}`));
  assert.deepEqual(['www/index.html', ...loaded], PAGE_FILES);
});

test('the single-file page is within the same budget', () => {
  const { total } = pageBytes(['pkg/collab-toolkit.html']);
  assert.ok(total.gzip <= BUDGET_GZIP_BYTES, `pkg/collab-toolkit.html is ${total.gzip} bytes gzipped; the budget is ${BUDGET_GZIP_BYTES}`);
});
