import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { pathFromHeader, remarkDiff } from './diff.ts';
import { remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';
import type { Diff } from './types.ts';

function diffs(tree: Root): Diff[] {
  const found: Diff[] = [];
  const walk = (nodes: Root['children']): void => {
    for (const node of nodes) {
      if (node.type === 'diff') found.push(node);
      if (node.type === 'quote' || node.type === 'attachment') walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

const mark = (text: string) => markText(text, remarkQuotes, remarkDiff);

const GIT = `Fix it.

---
diff --git a/drivers/leds/leds-foo.c b/drivers/leds/leds-foo.c
index 1234567..89abcde 100644
--- a/drivers/leds/leds-foo.c
+++ b/drivers/leds/leds-foo.c
@@ -10,4 +10,5 @@ static int foo(void)
 	int a;
-	int b;
+	int b = 0;
+	int c;

 	return a;
--${' '}
2.39.0`;

describe('remarkDiff', () => {
  it('reads a git diff: header, hunk with line numbers, and nothing past the hunk’s count', () => {
    const tree = mark(GIT);
    assert.deepEqual(tree.children.map(outline).slice(-3), [
      {
        diff: 'c',
        path: 'drivers/leds/leds-foo.c',
        fileId: 'f1',
        lines: [
          'file diff --git a/drivers/leds/leds-foo.c b/drivers/leds/leds-foo.c',
          'file index 1234567..89abcde 100644',
          'file --- a/drivers/leds/leds-foo.c',
          'file +++ b/drivers/leds/leds-foo.c',
          'hunk @@ -10,4 +10,5 @@ static int foo(void)',
          'ctx  \tint a;',
          'del -\tint b;',
          'add +\tint b = 0;',
          'add +\tint c;',
          'ctx ',
          'ctx  \treturn a;',
        ],
      },
      '-- ',
      '2.39.0',
    ]);
    const numbers = diffs(tree)[0]!.children.slice(5).map((line) => [line.old, line.new]);
    assert.deepEqual(numbers, [[10, 10], [11, undefined], [undefined, 11], [undefined, 12], [12, 13], [13, 14]]);
  });

  it('gives each file its own diff and id', () => {
    const two = `${GIT.split('--- \n')[0]}diff --git a/Documentation/x.yaml b/Documentation/x.yaml\nnew file mode 100644\n--- /dev/null\n+++ b/Documentation/x.yaml\n@@ -0,0 +1 @@\n+title: x\n`;
    const found = diffs(mark(two));
    assert.deepEqual(found.map((diff) => [diff.path, diff.lang, diff.fileId]), [['drivers/leds/leds-foo.c', 'c', 'f1'], ['Documentation/x.yaml', 'yaml', 'f2']]);
  });

  it('reads header-only diffs: renames and mode changes', () => {
    const text = 'diff --git a/old.c b/new.c\nsimilarity index 100%\nrename from old.c\nrename to new.c\ndiff --git a/x.sh b/x.sh\nold mode 100644\nnew mode 100755\nThanks';
    assert.deepEqual(outline(mark(text)), [
      { diff: 'c', path: 'new.c', fileId: 'f1', lines: ['file diff --git a/old.c b/new.c', 'file similarity index 100%', 'file rename from old.c', 'file rename to new.c'] },
      { diff: 'shellscript', path: 'x.sh', fileId: 'f2', lines: ['file diff --git a/x.sh b/x.sh', 'file old mode 100644', 'file new mode 100755'] },
      'Thanks',
    ]);
  });

  it('reads git binary patches up to the blank line that ends them', () => {
    const text = 'diff --git a/p.bmp b/p.bmp\nnew file mode 100644\nindex 0000000..9710347\nGIT binary patch\nliteral 142\nzcmZ?r?PGv|E+AC{#Eft(0hV9^lF\n\nliteral 0\nHcmV?d00001\n\nNext';
    const [diff] = diffs(mark(text));
    assert.deepEqual(diff!.children.map((line) => line.kind).join(' '), 'file file file file binary binary binary binary binary');
    assert.equal(mark(text).children.map(outline).at(-1), 'Next');
  });

  it('reads plain unified diffs and CVS diffs', () => {
    const plain = '--- a/x.py\t2024-01-01\n+++ b/x.py\t2024-01-02\n@@ -1 +1 @@\n-a = 1\n+a = 2';
    assert.deepEqual(diffs(mark(plain)).map((diff) => [diff.path, diff.lang, diff.children.length]), [['x.py', 'python', 5]]);
    const cvs = 'Index: bfd/elf-bfd.h\n===================================================================\nRCS file: /cvs/src/src/bfd/elf-bfd.h,v\nretrieving revision 1.329\ndiff -u -p -r1.329 elf-bfd.h\n--- bfd/elf-bfd.h\t17 Aug 2011\n+++ bfd/elf-bfd.h\t5 Dec 2011\n@@ -1,1 +1,2 @@\n ctx\n+add';
    const [diff] = diffs(mark(cvs));
    assert.equal(diff!.path, 'bfd/elf-bfd.h');
    assert.deepEqual(diff!.children.map((line) => line.kind), ['file', 'file', 'file', 'file', 'file', 'file', 'file', 'hunk', 'ctx', 'add']);
  });

  it('reads context lines that lost their leading space while the hunk header says context remains', () => {
    const text = '@@ -5,3 +5,4 @@\nfoo();\n+bar();\nbaz();\n}\nNot code.';
    const [diff] = diffs(mark(text));
    assert.deepEqual(diff!.children.map((line) => `${line.kind} ${line.old ?? '-'} ${line.new ?? '-'}`), ['hunk - -', 'ctx 5 5', 'add - 6', 'ctx 6 7', 'ctx 7 8']);
    assert.equal(mark(text).children.map(outline).at(-1), 'Not code.');
  });

  it('ends a cut hunk at a blank line followed by prose', () => {
    assert.deepEqual(outline(mark('@@ -1,9 +1,9 @@\n a\n+b\n\nWhy b?')), [
      { diff: 'text', lines: ['hunk @@ -1,9 +1,9 @@', 'ctx  a', 'add +b'] },
      '',
      'Why b?',
    ]);
  });

  it('keeps `\\ No newline at end of file` with its hunk', () => {
    const [diff] = diffs(mark('@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file'));
    assert.deepEqual(diff!.children.map((line) => line.kind), ['hunk', 'del', 'add', 'note']);
  });

  it('carries a quoted diff on after a reviewer’s comment, without line numbers', () => {
    const text = '> diff --git a/x.c b/x.c\n> --- a/x.c\n> +++ b/x.c\n> @@ -1,6 +1,6 @@\n>  int a;\n> +int b;\n\nWhy?\n\n> +int c;\n>  int d;';
    const found = diffs(mark(text));
    assert.deepEqual(found.map((diff) => [diff.path, diff.lang, diff.continued ?? false]), [['x.c', 'c', false], ['x.c', 'c', true]]);
    assert.deepEqual(found[1]!.children.map((line) => [line.kind, line.old, line.new]), [['add', undefined, undefined], ['ctx', undefined, undefined]]);
  });

  it('does not carry a diff on into a quote that starts with prose', () => {
    const text = '> @@ -1 +1 @@\n> -a\n> +b\n\nOK.\n\n> Thanks\n> +1';
    assert.equal(diffs(mark(text)).length, 1);
  });

  it('reads a fragment of changed lines without any header, but not a list of `- ` items', () => {
    assert.deepEqual(diffs(mark('Something like:\n\n+\tif (ret)\n+\t\treturn ret;\n')).map((diff) => diff.children.length), [2]);
    assert.equal(diffs(mark('Changes:\n- one\n- two\n\n- three\n- four')).length, 0);
  });

  it('marks a reviewer’s elision and reads on without counts', () => {
    const [diff] = diffs(mark('@@ -1,20 +1,20 @@\n a\n[...]\n+b\n c'));
    assert.deepEqual(diff!.children.map((line) => [line.kind, line.new]), [['hunk', undefined], ['ctx', 1], ['elided', undefined], ['add', undefined], ['ctx', undefined]]);
  });

  it('keeps the tail of a line a mailer wrapped inside the diff, uncounted', () => {
    const [diff] = diffs(mark('@@ -1,2 +1,4 @@\n a\n+\tpr_info("a long line that the\nmailer wrapped");\n+\treturn 0;\n b'));
    assert.deepEqual(diff!.children.map((line) => [line.kind, line.new]), [['hunk', undefined], ['ctx', 1], ['add', 2], ['ctx', undefined], ['add', 3], ['ctx', 4]]);
  });

  it('reads the seed’s hunk, quoted three levels deep with its context spaces lost, as C', async () => {
    const { bodies } = await loadMail(corpusPath('seed-lkml-iu-edu.txt'));
    const [diff] = diffs(mark([...bodies.values()][0]!.text));
    assert.equal(diff!.lang, 'c');
    assert.deepEqual(diff!.children.map((line) => `${line.kind} ${line.value}`), [
      'hunk @@ -1652,6 +1652,7 @@ void vfio_file_set_kvm(struct file *file, struct kvm *kvm)',
      'ctx mutex_lock(&group->group_lock);',
      'ctx group->kvm = kvm;',
      'add + iommu_set_kvm(group->iommu_group, kvm);',
      'ctx mutex_unlock(&group->group_lock);',
      'ctx }',
    ]);
  });

  it('reads the patchwork test mails: CVS, renames, missing newline, mode changes, binary', async () => {
    const expected: Record<string, string[]> = {
      '0007-cvs-format-diff.mbox': ['bfd/elf-bfd.h', 'bfd/elflink.c', 'bfd/elfxx-mips.c'],
      '0008-git-rename.mbox': ['package/rpi-userland/rpi-userland-000-add-pkgconfig-files.patch', 'package/rpi-userland/rpi-userland-001-makefiles-cmake-vmcs.cmake-allow-to-override-VMCS_IN.patch'],
      '0011-no-newline-at-end-of-file.mbox': ['tools/testing/selftests/powerpc/Makefile', 'tools/testing/selftests/powerpc/vphn/vphn.c', 'tools/testing/selftests/powerpc/vphn/vphn.h'],
      '0022-git-mode-change.mbox': ['scripts/kconfig/nconf-cfg.sh'],
      '0025-git-add-binary-file.mbox': ['pixel.bmp'],
      '0026-git-add-mixed-binary-text-files.mbox': ['pixel.bmp', 'quit.sh'],
      '0027-git-modify-binary-file.mbox': ['pixel.bmp'],
    };
    for (const [file, paths] of Object.entries(expected)) {
      const { bodies } = await loadMail(corpusPath(`patchwork/mail/${file}`));
      const [body] = [...bodies.values()];
      const found = [body!.text, ...body!.inline.map((part) => part.text)].flatMap((text) => diffs(mark(text)));
      assert.deepEqual(found.map((diff) => diff.path), paths, file);
    }
  });
});

describe('pathFromHeader', () => {
  it('prefers the rename target, then the new path, then the old one for deletions', () => {
    assert.equal(pathFromHeader(['diff --git a/a.c b/b.c', 'rename from a.c', 'rename to b.c']), 'b.c');
    assert.equal(pathFromHeader(['diff --git a/x b/x', '--- a/gone.c', '+++ /dev/null']), 'gone.c');
    assert.equal(pathFromHeader(['--- a/x.c\t2024', '+++ b/x.c\t2024']), 'x.c');
  });

  it('reads `diff --git` lines with and without a/ b/ prefixes, and `Index:`', () => {
    assert.equal(pathFromHeader(['diff --git a/dir/with space.c b/dir/with space.c']), 'dir/with space.c');
    assert.equal(pathFromHeader(['diff --git quit.sh quit.sh']), 'quit.sh');
    assert.equal(pathFromHeader(['Index: bfd/elf.c']), 'bfd/elf.c');
  });
});
