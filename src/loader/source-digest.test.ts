import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { dependencyVersions, digestOf, moduleClosure, sourceDigest } from './source-digest.ts';

const lockfile = (shiki: string) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { name: 'sheaf', version: '0.1.0' },
      'node_modules/shiki': { version: shiki },
      'node_modules/postal-mime': { version: '4.0.0' },
      'node_modules/typescript': { version: '6.0.3', dev: true },
      'node_modules/@shikijs/core/node_modules/@types/hast': { version: '3.0.5' },
    },
  });

test('dependency versions: every package but the project itself and dev-only tools, sorted', () => {
  assert.deepEqual(dependencyVersions(lockfile('4.6.0')), [
    'node_modules/@shikijs/core/node_modules/@types/hast@3.0.5',
    'node_modules/postal-mime@4.0.0',
    'node_modules/shiki@4.6.0',
  ]);
  assert.deepEqual(dependencyVersions('{}'), []);
});

test('changing one dependency version changes the digest; the same inputs give the same digest', () => {
  const sources = [{ name: 'index.ts', text: 'export {}' }];
  const before = digestOf(sources, dependencyVersions(lockfile('4.6.0')));
  assert.equal(digestOf(sources, dependencyVersions(lockfile('4.6.0'))), before);
  assert.notEqual(digestOf(sources, dependencyVersions(lockfile('4.6.1'))), before);
  assert.notEqual(digestOf([{ name: 'index.ts', text: 'export { }' }], dependencyVersions(lockfile('4.6.0'))), before);
});

test('sourceDigest reads the stage folders (tests left out) and the lockfile', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sheaf-digest-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const stage = join(scratch, 'parse');
  mkdirSync(stage);
  writeFileSync(join(stage, 'index.ts'), 'export {}');
  const lock = join(scratch, 'package-lock.json');
  writeFileSync(lock, lockfile('4.6.0'));
  const before = sourceDigest([stage], lock);
  writeFileSync(join(stage, 'index.test.ts'), 'test()');
  assert.equal(sourceDigest([stage], lock), before);
  writeFileSync(lock, lockfile('5.0.0'));
  assert.notEqual(sourceDigest([stage], lock), before);
});

test('moduleClosure follows relative imports transitively, and the digest covers modules imported from other folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'sheaf-closure-'));
  try {
    mkdirSync(join(root, 'archive'));
    mkdirSync(join(root, 'loader'));
    writeFileSync(join(root, 'archive', 'facts.ts'), "import { a } from './a.ts';\nexport const f = a;\n");
    writeFileSync(join(root, 'archive', 'a.ts'), "import type { B } from '../loader/b.ts';\nexport const a = 1;\n");
    writeFileSync(join(root, 'archive', 'unrelated.ts'), 'export const u = 1;\n');
    writeFileSync(join(root, 'loader', 'b.ts'), 'export type B = 1;\n');
    assert.deepEqual(moduleClosure(join(root, 'archive', 'facts.ts')).map((path) => path.slice(root.length + 1)), ['archive/a.ts', 'archive/facts.ts', 'loader/b.ts']);
    const lock = join(root, 'package-lock.json');
    const digest = () => sourceDigest([join(root, 'loader')], lock, [join(root, 'archive', 'facts.ts')]);
    const before = digest();
    writeFileSync(join(root, 'archive', 'unrelated.ts'), 'export const u = 2;\n');
    assert.equal(digest(), before, 'a module outside the closure does not count');
    writeFileSync(join(root, 'archive', 'a.ts'), 'export const a = 2;\n');
    assert.notEqual(digest(), before);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
