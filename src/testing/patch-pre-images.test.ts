import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { preImages } from './patch-pre-images.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-pre-images-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const patch = `Subject: [PATCH] x

---
diff --git a/drivers/Kconfig b/drivers/Kconfig
index 1111111..2222222 100644
--- a/drivers/Kconfig
+++ b/drivers/Kconfig
@@ -10,3 +10,4 @@ menu "x"
 config A
-\tbool "a"
+\ttristate "a"
+\tdefault y
 endmenu
diff --git a/drivers/new.c b/drivers/new.c
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/drivers/new.c
@@ -0,0 +1 @@
+int x;
diff --git a/tail.txt b/tail.txt
--- a/tail.txt
+++ b/tail.txt
@@ -1,2 +1,2 @@
 one
-two
\\ No newline at end of file
+two
`;

test('a changed file gets its old lines at their numbers, fillers elsewhere; a new file gets none', () => {
  const files = preImages(patch);
  assert.deepEqual([...files.keys()], ['drivers/Kconfig', 'tail.txt']);
  const kconfig = files.get('drivers/Kconfig')!.split('\n');
  assert.deepEqual(kconfig.slice(8), ['filler line 9', 'config A', '\tbool "a"', 'endmenu', '']);
  assert.equal(files.get('tail.txt'), 'one\ntwo');
});

test('the patch applies to them with git', () => {
  for (const [path, content] of preImages(patch)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), content);
  }
  writeFileSync(join(scratch, 'x.patch'), patch);
  const result = spawnSync('git', ['apply', '--check', 'x.patch'], { cwd: scratch, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});
