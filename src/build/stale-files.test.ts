import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { removeStaleFiles, staleOutputs } from './stale-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-stale-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('an output of the last build is stale when this build neither wrote nor kept it', () => {
  assert.deepEqual(staleOutputs(['m/kept/index.html', 'm/gone/index.html'], new Set(['m/kept/index.html', 'm/new/index.html'])), ['m/gone/index.html']);
});

test('stale pages, old assets and the folders they leave empty are removed; the rest stays; nothing outside', () => {
  const dist = join(scratch, 'a', 'dist');
  for (const path of ['m/a/index.html', 'm/b/index.html', 'x/y/z.json', '_astro/old.css', '_astro/new.css', '../outside.txt']) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), 'x');
  }
  utimesSync(join(dist, '_astro/old.css'), 1, 1);
  const previous = ['m/a/index.html', 'm/b/index.html', 'x/y/z.json', '../outside.txt', '/etc/hostname'];
  assert.equal(removeStaleFiles(dist, previous, new Set(['m/a/index.html']), Date.now() - 60_000), 3);
  assert.ok(existsSync(join(dist, 'm/a/index.html')));
  assert.ok(!existsSync(join(dist, 'm/b')));
  assert.ok(!existsSync(join(dist, 'x')));
  assert.ok(!existsSync(join(dist, '_astro/old.css')));
  assert.ok(existsSync(join(dist, '_astro/new.css')));
  assert.ok(existsSync(join(scratch, 'a', 'outside.txt')), 'a recorded path never climbs out of the folder');
});
