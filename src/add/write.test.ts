import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeNewFile } from './write.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-add-write-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const name = { folders: ['2025', '03'], stem: '2025-03-14-leds-foo', extension: '.eml' as const };

test('makes the folders, then never replaces a file: a taken name gets -2, -3; no temporary file is left', () => {
  const root = join(scratch, 'deep', 'er', 'content');
  const first = writeNewFile(root, name, Buffer.from('one'));
  assert.equal(first, join(root, '2025', '03', '2025-03-14-leds-foo.eml'));
  writeFileSync(join(root, '2025', '03', '2025-03-14-leds-foo-3.eml'), 'there before');
  const second = writeNewFile(root, name, Buffer.from('two'));
  const third = writeNewFile(root, name, Buffer.from('three'));
  assert.equal(second, join(root, '2025', '03', '2025-03-14-leds-foo-2.eml'));
  assert.equal(third, join(root, '2025', '03', '2025-03-14-leds-foo-4.eml'));
  assert.deepEqual([first, second, third].map((path) => readFileSync(path, 'utf8')), ['one', 'two', 'three']);
  assert.equal(readFileSync(join(root, '2025', '03', '2025-03-14-leds-foo-3.eml'), 'utf8'), 'there before');
  assert.deepEqual(readdirSync(join(root, '2025', '03')).filter((file) => file.startsWith('.')), []);
});

test('a link or a file in place of a folder is refused, so nothing is written outside the content folder', () => {
  const root = join(scratch, 'linked', 'content');
  const outside = join(scratch, 'linked', 'outside');
  mkdirSync(root, { recursive: true });
  mkdirSync(outside);
  symlinkSync(outside, join(root, '2025'));
  assert.throws(() => writeNewFile(root, name, Buffer.from('x')), /2025 is not a folder/);
  writeFileSync(join(root, 'undated'), 'a file');
  assert.throws(() => writeNewFile(root, { ...name, folders: ['undated'] }, Buffer.from('x')), /undated is not a folder/);
  assert.deepEqual(readdirSync(outside), []);
});

test('refuses names that are not made of [a-z0-9-]', () => {
  const root = join(scratch, 'unsafe', 'content');
  for (const unsafe of [{ ...name, folders: ['..', 'x'] }, { ...name, stem: '../../x' }, { ...name, stem: '.hidden' }, { ...name, folders: [], stem: '' }]) {
    assert.throws(() => writeNewFile(root, unsafe, Buffer.from('x')), /not a safe file name/);
  }
  assert.equal(existsSync(root), false, 'refused before anything is made');
});
