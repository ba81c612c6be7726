import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { removeStaleFiles, staleFiles } from './stale-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-stale-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a file is stale when this build neither wrote it nor kept it', () => {
  const files = [
    { path: 'm/kept/index.html', mtimeMs: 100 },
    { path: 'm/gone/index.html', mtimeMs: 100 },
    { path: '_astro/new.css', mtimeMs: 2000 },
    { path: '_astro/old.css', mtimeMs: 100 },
  ];
  assert.deepEqual(staleFiles(files, new Set(['m/kept/index.html']), 1000), ['_astro/old.css', 'm/gone/index.html']);
});

test('stale files and the folders they leave empty are removed; the rest stays', () => {
  const dist = join(scratch, 'dist');
  for (const path of ['m/a/index.html', 'm/b/index.html', 'x/y/z.json']) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), 'x');
    utimesSync(join(dist, path), 1, 1);
  }
  assert.equal(removeStaleFiles(dist, new Set(['m/a/index.html']), Date.now()), 2);
  assert.ok(existsSync(join(dist, 'm/a/index.html')));
  assert.ok(!existsSync(join(dist, 'm/b')));
  assert.ok(!existsSync(join(dist, 'x')));
});
