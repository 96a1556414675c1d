// The page's byte budget (#7), shared by the benchmark report and the test that holds CI to it.
// Bytes are deterministic, so this is asserted; timings are only reported.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/// Every file www/index.html loads, in the order it loads them.
export const PAGE_FILES = ['www/index.html', 'www/page.css', 'pkg/collab-toolkit.js', 'www/start.js'];

/// "At most 150 KB gzip", read strictly: 150,000 bytes, not 150 KiB.
export const BUDGET_GZIP_BYTES = 150_000;

/// Raw and gzip -9 bytes of each file, and the total.
export function pageBytes(files = PAGE_FILES) {
  const each = files.map((f) => {
    const data = readFileSync(path.join(root, f));
    return { f, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  const total = each.reduce((t, b) => ({ raw: t.raw + b.raw, gzip: t.gzip + b.gzip }), { raw: 0, gzip: 0 });
  return { each, total };
}
