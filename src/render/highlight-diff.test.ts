import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkDiff } from './diff.ts';
import { rehypeHighlightDiff, startsInComment } from './highlight-diff.ts';
import { markText, toMailHast } from './test-support.ts';

async function highlighted(text: string, maxLines?: number, maxMilliseconds?: number): Promise<Root> {
  const options = { ...(maxLines === undefined ? {} : { maxLines }), ...(maxMilliseconds === undefined ? {} : { maxMilliseconds }) };
  return unified().use(rehypeHighlightDiff, options).run(toMailHast(markText(text, remarkDiff)));
}

/** Each diff line as `kind: text[class]…`, the classes of its tokens in brackets. */
function lines(tree: Root): string[] {
  const pre = (tree.children[0] as Element).children[0] as Element;
  const code = pre.children[0] as Element;
  return code.children.flatMap((line) => {
    if (line.type !== 'element') return [];
    const kind = (line.properties.className as string[])[1];
    const body = line.children.map((child) => {
      if (child.type === 'text') return child.value;
      const element = child as Element;
      return `${toHtml(element.children)}[${(element.properties.className as string[]).join(' ')}]`;
    });
    return [`${kind}: ${body.join('')}`];
  });
}

describe('rehypeHighlightDiff', () => {
  it('reads each side of a hunk as one fragment, so a comment over several lines is coloured right', async () => {
    const tree = await highlighted('--- a/x.c\n+++ b/x.c\n@@ -1,4 +1,4 @@\n /*\n- * old\n+ * new\n  */\n int x;');
    assert.deepEqual(lines(tree).slice(3), [
      'ctx:  /*[hl-comment]',
      'del: - * old[hl-comment]',
      'add: + * new[hl-comment]',
      'ctx:   */[hl-comment]',
      'ctx:  int[hl-keyword] x;',
    ]);
  });

  it('starts a hunk inside a comment when it opens with the comment’s tail', async () => {
    const tree = await highlighted('--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n  * still a comment\n  */\n-int x;\n+long x;');
    assert.deepEqual(lines(tree).slice(3), ['ctx:   * still a comment[hl-comment]', 'ctx:   */[hl-comment]', 'del: -int[hl-keyword] x;', 'add: +long[hl-keyword] x;']);
  });

  it('highlights context that lost its leading space, keeping the text as sent', async () => {
    const tree = await highlighted('@@ -1,2 +1,3 @@ void f(void)\nreturn;\n+ x++;\n}');
    assert.deepEqual(lines(tree), ['hunk: @@ -1,2 +1,3 @@ void f(void)', 'ctx: return[hl-keyword];', 'add: + x++[hl-keyword];', 'ctx: }']);
  });

  it('leaves plain-text files and languages shiki lacks as they are', async () => {
    const tree = await highlighted('--- a/drivers/leds/Kconfig\n+++ b/drivers/leds/Kconfig\n@@ -1 +1 @@\n-config A\n+config B');
    assert.deepEqual(lines(tree).slice(3), ['del: -config A', 'add: +config B']);
  });

  it('stops highlighting a body past its line budget', async () => {
    const two = '--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int b;\n--- a/y.c\n+++ b/y.c\n@@ -1 +1 @@\n-int a;\n+int b;';
    const html = toHtml(await highlighted(two, 2));
    assert.equal(html.match(/hl-keyword/g)?.length, 2);
  });

  it('stops highlighting a body past its time budget, the rest shown as sent', async () => {
    const code = Array.from({ length: 20_000 }, (_, i) => `+\tint value_${i} = compute(${i}) /* note */;`);
    const patch = `--- a/x.c\n+++ b/x.c\n@@ -0,0 +1,${code.length} @@\n${code.join('\n')}`;
    await highlighted('--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int b;'); // the grammar compiled
    const start = performance.now();
    const tree = await highlighted(patch, Infinity, 50);
    const ms = performance.now() - start;
    assert.ok(ms < 1500, `${ms} ms`);
    const shown = lines(tree);
    assert.match(shown[3]!, /\[hl-keyword\]/, 'the first lines are highlighted');
    assert.equal(shown.at(-1), `add: ${code.at(-1)}`, 'the last line is shown as sent');
    const none = lines(await highlighted(patch.split('\n').slice(0, 8).join('\n'), Infinity, 0));
    assert.deepEqual(none.slice(3), code.slice(0, 5).map((line) => `add: ${line}`));
  });

  it('says in the file’s messages where a bound stopped it and what it left plain', async () => {
    const rules = async (text: string, maxLines?: number) => {
      const file = new VFile();
      await unified().use(rehypeHighlightDiff, maxLines === undefined ? {} : { maxLines }).run(toMailHast(markText(text, remarkDiff)), file);
      return file.messages.map((message) => message.ruleId);
    };
    const hunk = '--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int b;';
    assert.deepEqual(await rules(hunk), []);
    assert.deepEqual(await rules(`${hunk}\n${hunk}`, 2), ['highlight-lines']);
    assert.deepEqual(await rules(`--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int b = ${'1 + '.repeat(300)}1;`), ['highlight-line-length']);
  });
});

describe('startsInComment', () => {
  it('tells the tail of a comment from code', () => {
    assert.equal(startsInComment([' * text', ' */', 'int x;']), true);
    assert.equal(startsInComment(['int x; /* a */', ' */']), false);
    assert.equal(startsInComment(['', ' * only comment lines']), true);
    assert.equal(startsInComment(['*p = 1;']), false);
  });
});
