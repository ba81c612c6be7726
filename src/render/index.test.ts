import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import type { MailBody } from '../parse/types.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { markBody, MAX_RENDERED_CHARACTERS, MAX_RENDERED_LINES, renderBody, renderBodyFile, renderBodyTree, renderPlainBody } from './index.ts';
import { renderedLines } from './test-support.ts';

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

/** Every element under `node`, with the elements around it (outermost first). */
function elements(node: Root | Element, ancestors: Element[] = []): Array<{ element: Element; ancestors: Element[] }> {
  return node.children.flatMap((child) =>
    child.type === 'element' ? [{ element: child, ancestors }, ...elements(child, [...ancestors, child])] : [],
  );
}

describe('renderBody', () => {
  it('renders the text, then each inline attachment in its own section, ids prefixed', async () => {
    const body: MailBody = {
      text: 'See the patch.\n 1 file changed, 1 insertion(+)\n x.c | 1 +\n y.c | 1 +\n',
      inline: [{ filename: '0001-x.patch', contentType: 'text/x-patch', text: 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -0,0 +1 @@\n+int x;\n' }],
    };
    const html = await renderBody(body, { idPrefix: 'm7-' });
    assert.match(html, /^<div class="mail-body"><p>See the patch\.\n 1 file changed, 1 insertion\(\+\)<\/p><pre class="diffstat" tabindex="0"><span class="line file"> <a href="#m7-f1">x\.c<\/a>/);
    assert.match(html, /<section class="attachment"><p class="attachment-name">0001-x\.patch <span class="attachment-type">\(text\/x-patch\)<\/span><\/p><pre class="diff" id="m7-f1" data-file="x\.c" data-lang="c" tabindex="0">/);
    assert.match(html, /<span class="line add" data-new="1">\+<span class="hl-keyword">int<\/span> x;<\/span>/);
  });

  it('gives, in its file, the tree the plugins marked and where a bound cut the work', async () => {
    const body: MailBody = { text: `${'>'.repeat(40)} deep\nReviewed-by: A <a@example.com>\n`, inline: [] };
    const html = await renderBody(body);
    const file = await renderBodyFile(body);
    assert.equal(String(file.value), html);
    assert.deepEqual(file.messages.map((message) => message.ruleId), ['quote-depth']);
    assert.deepEqual(file.data.marked, markBody(body), 'the tree the page is rendered from is the one the review reads');
  });

  it('depends on the body alone: the same body renders the same', async () => {
    const body: MailBody = { text: '> a\n+b\n+c\n', inline: [] };
    assert.equal(await renderBody(body), await renderBody(body));
  });
});

describe('the seed (a Hypermail page)', () => {
  let tree: Root;
  let body: MailBody;
  before(async () => {
    const { bodies } = await loadMail(corpusPath('seed-lkml-iu-edu.txt'));
    body = [...bodies.values()][0]!;
    tree = await renderBodyTree(body);
  });

  it('shows every line at the depth it was sent at, three levels deep', () => {
    const sent = body.text
      .split('\n')
      .filter((line) => line.replace(/^[> ]*/, '').trim() !== '')
      .map((line) => ({ depth: (/^(?:> ?)*/.exec(line)![0].match(/>/g) ?? []).length, text: line.replace(/^(?:> ?)*/, '').trim() }));
    assert.deepEqual(renderedLines(tree).map(({ depth, text }) => ({ depth, text: text.trim() })), sent);
    assert.equal(Math.max(...sent.map((line) => line.depth)), 3);
  });

  it('ties its three attributions to their quotes', () => {
    const figures = elements(tree)
      .filter(({ element }) => element.tagName === 'figure')
      .map(({ element }) => {
        const [caption, quote] = element.children as Element[];
        return [String(element.properties.dataDepth), `${caption!.tagName}.${classes(caption!)} ${caption!.properties.dataDepth}`, `${quote!.tagName} ${quote!.properties.dataDepth}`];
      });
    assert.deepEqual(figures, [
      ['1', 'figcaption.attribution 1', 'blockquote 1'],
      ['2', 'figcaption.attribution 2', 'blockquote 2'],
      ['3', 'figcaption.attribution 3', 'blockquote 3'],
    ]);
  });

  it('shows the quoted hunk as a highlighted C diff inside the level-3 quote', () => {
    const found = elements(tree)
      .filter(({ element }) => element.tagName === 'pre' && classes(element).includes('diff'))
      .map(({ element, ancestors }) => ({ depth: ancestors.filter((ancestor) => ancestor.tagName === 'blockquote').length, pre: element }));
    assert.equal(found.length, 1);
    const [{ depth, pre }] = found as [{ depth: number; pre: Element }];
    assert.equal(depth, 3);
    assert.equal(pre.properties.dataLang, 'c');
    const lines = (pre.children[0] as Element).children.filter((child): child is Element => child.type === 'element');
    assert.deepEqual(lines.map((line) => classes(line)[1]), ['hunk', 'ctx', 'ctx', 'add', 'ctx', 'ctx']);
    assert.deepEqual(lines.map((line) => [line.properties.dataOld, line.properties.dataNew]), [
      [undefined, undefined], [1652, 1652], [1653, 1653], [undefined, 1654], [1654, 1655], [1655, 1656],
    ]);
    const tokenClasses = new Set(elements(pre).flatMap(({ element }) => classes(element).filter((name) => name.startsWith('hl-'))));
    assert.deepEqual([...tokenClasses].sort(), ['hl-function', 'hl-keyword', 'hl-punctuation']);
  });
});

describe('pathological input degrades gracefully', () => {
  const render = (text: string) => renderBody({ text, inline: [] });
  const timeout = 20_000;

  it('caps quote depth at 32, however many markers a line has', { timeout }, async () => {
    const html = await render(`${'>'.repeat(100_000)} deep`);
    assert.equal(html.match(/<blockquote/g)?.length, 32);
    assert.ok(html.includes(`${'>'.repeat(100_000 - 32)} deep`));
  });

  it('renders a 10,000-line quote, folded', { timeout }, async () => {
    const html = await render(Array.from({ length: 10_000 }, (_, index) => `> line ${index}`).join('\n'));
    assert.match(html, /^<div class="mail-body"><details class="fold"><summary>10000 quoted lines<\/summary>/);
  });

  it('keeps very long lines as text, untokenized', { timeout }, async () => {
    const code = 'x = ('.repeat(100_000);
    const html = await render(`--- a/x.c\n+++ b/x.c\n@@ -0,0 +1,2 @@\n+${code}\n+int a;\n\n${'a'.repeat(400_000)}\n${' '.repeat(100_000)}|`);
    assert.ok(html.includes(`<span class="line add" data-new="1">+${code}</span>`));
    assert.match(html, /<span class="line add" data-new="2">\+<span class="hl-keyword">int<\/span> a;<\/span>/);
  });

  it('stops highlighting a huge patch after its budget, keeping the diff', { timeout }, async () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `+\tint v${index};`);
    const html = await render(`--- a/x.c\n+++ b/x.c\n@@ -0,0 +1,20000 @@\n${lines.join('\n')}`);
    assert.equal(html.match(/class="line add"/g)?.length, 20_000);
    assert.ok((html.match(/hl-keyword/g)?.length ?? 0) < 7000);
  });

  it('stays linear on lines full of links and ids, and on blank lines inside a hunk', { timeout }, async () => {
    const links = Array.from({ length: 20_000 }, (_, index) => `https://x.org/${index} <2023${index}.GA${index}@x.org>`).join(' ');
    assert.equal((await render(links)).match(/rel="nofollow noopener noreferrer"/g)?.length, 20_000);
    const blanks = `@@ -1,24000 +1,24000 @@\n${'\n'.repeat(23_999)}+x`;
    assert.match(await render(blanks), /<span class="line add" data-new="24000">\+x<\/span>/);
  });

  it('refuses to mark up a body past its size bounds, saying why (the loader shows it as plain text)', { timeout }, async () => {
    await assert.rejects(render('x\n'.repeat(MAX_RENDERED_LINES + 1)), /too large to mark up \(25001 lines, the limit is 25000\)/);
    await assert.rejects(render('x'.repeat(MAX_RENDERED_CHARACTERS + 1)), /too large to mark up \(1048577 characters, the limit is 1048576\)/);
    const html = await renderBody({ text: 'x\n'.repeat(MAX_RENDERED_LINES - 10), inline: [] });
    assert.match(html, /^<div class="mail-body"><p>x\n/);
  });
});

describe('renderPlainBody', () => {
  it('shows a body within the bounds whole, as escaped text', () => {
    const { html, cut } = renderPlainBody({ text: '<b>bold</b>\n', inline: [{ filename: 'x.patch', contentType: 'text/x-patch', text: '+<i>\n' }] });
    assert.equal(html, '<pre class="body-plain">&#x3C;b>bold&#x3C;/b>\n</pre><pre class="body-plain">x.patch:\n+&#x3C;i>\n</pre>');
    assert.equal(cut, null);
  });

  it('cuts a body past the line bound at a line end, and says what it shows', () => {
    const { html, cut } = renderPlainBody({ text: '<x>\n'.repeat(MAX_RENDERED_LINES + 5), inline: [{ filename: 'y.patch', contentType: 'text/x-patch', text: 'never shown\n' }] });
    assert.equal(cut, `the first ${MAX_RENDERED_LINES} of ${MAX_RENDERED_LINES + 7} lines (${4 * MAX_RENDERED_LINES} of ${4 * (MAX_RENDERED_LINES + 5) + 21} characters)`);
    assert.equal(html, `<pre class="body-plain">${'&#x3C;x>\n'.repeat(MAX_RENDERED_LINES)}</pre>`, 'escaped, cut after a newline, the attachment left out');
  });

  it('cuts at the character bound at the last line end before it, going on into the attachments', () => {
    const line = `${'a'.repeat(1023)}\n`;
    const text = line.repeat(1000);
    const { html, cut } = renderPlainBody({ text, inline: [{ filename: 'y.patch', contentType: 'text/x-patch', text: line.repeat(100) }] });
    // 1000 lines of 1024 characters, then the attachment's name line and 23 of its lines: the 24th would pass 1 MiB.
    assert.equal(cut, 'the first 1024 of 1101 lines (1047561 of 1126409 characters)');
    assert.ok(html.startsWith(`<pre class="body-plain">${line}`) && html.includes('<pre class="body-plain">y.patch:\n'));
    assert.ok(html.endsWith(`${line}</pre>`), 'cut at a line end');
  });

  it('cuts one line longer than the bound inside it, never inside a character', () => {
    const { html, cut } = renderPlainBody({ text: `${'x'.repeat(MAX_RENDERED_CHARACTERS - 1)}😀tail`, inline: [] });
    assert.equal(cut, `the first 1 of 1 lines (${MAX_RENDERED_CHARACTERS - 1} of ${MAX_RENDERED_CHARACTERS + 5} characters)`);
    assert.ok(!html.includes('\ud83d') && !html.includes('tail'));
  });
});
