/**
 * The page and the review read a body the same way: what a page shows as a trailer, a NAK, an
 * attribution or a diff is what the review counts and threading reads. Each case below is one
 * the two readings once disagreed on; the corpus test checks every mail of the samples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Address, MailBody } from '../parse/types.ts';
import { markBody, renderBody } from '../render/index.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { replyAttribution } from './attribution.ts';
import { readBodyFacts } from './body-facts.ts';

const sender: Address = { name: 'Pavel Machek', email: 'pavel@ucw.cz' };

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

/** The elements a mail shows in its own voice: outside quotes, signatures and attachments. */
function ownElements(node: Root | Element): Element[] {
  return node.children.flatMap((child: ElementContent | Root['children'][number]) => {
    if (child.type !== 'element') return [];
    if (['blockquote', 'figure', 'details'].includes(child.tagName) || classes(child).some((name) => ['signature', 'attachment'].includes(name))) return [];
    return [child, ...ownElements(child)];
  });
}

/** What the page shows: the review each own trailer gives, whether the first quote is attributed, whether the mail carries a file's diff. */
function shown(html: string) {
  const tree = fromHtml(html, { fragment: true });
  const own = ownElements(tree);
  const body = tree.children.find((child): child is Element => child.type === 'element')!;
  const figure = body.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figure');
  const caption = figure && toText(figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')!);
  return {
    review: own.flatMap((element) => (classes(element).includes('trailer') ? String(element.properties.dataReview ?? '').split(' ').filter(Boolean) : [])),
    // A bare "Original Message" line names nobody for threading to find.
    attributed: caption !== undefined && !/^\s*-+\s*Original Message\s*-+\s*$/i.test(caption),
    diff: [...own, ...attachmentElements(tree)].some((element) => element.tagName === 'pre' && classes(element).includes('diff') && element.properties.id !== undefined),
  };
}

/** The own elements of inline attachments (a patch sent as a file is the mail's own diff). */
function attachmentElements(node: Root | Element): Element[] {
  return node.children.flatMap((child: ElementContent | Root['children'][number]) => {
    if (child.type !== 'element') return [];
    return classes(child).includes('attachment') ? ownElements(child) : attachmentElements(child);
  });
}

/** What the review and threading read in the same body. */
function counted(body: MailBody, from: Address) {
  const marked = markBody(body);
  const facts = readBodyFacts(body, marked, from);
  return { review: facts.replyTrailers.map((trailer) => trailer.kind), attributed: replyAttribution(marked) !== null, diff: facts.hasDiff };
}

async function agree(text: string, from = sender) {
  const body = { text, inline: [] };
  const page = shown(await renderBody(body));
  const review = counted(body, from);
  assert.deepEqual(page.review, review.review, 'trailers shown = trailers counted');
  assert.equal(page.attributed, review.attributed, 'attribution shown = attribution read');
  assert.equal(page.diff, review.diff, 'diff shown = diff counted');
  return page;
}

describe('the page shows what the review counts', () => {
  it('NAKed-by: is a trailer on the page and a NAK in the review', async () => {
    assert.deepEqual((await agree('Not like this.\n\nNAKed-by: Pavel Machek <pavel@ucw.cz>\n')).review, ['nacked']);
  });

  it('Reviewed-and-tested-by: is one trailer giving both', async () => {
    assert.deepEqual((await agree('Reviewed-and-tested-by: Pavel Machek <pavel@ucw.cz>\n')).review, ['reviewed', 'tested']);
  });

  it('"So NAK" is a NAK on the page and in the review', async () => {
    assert.deepEqual((await agree('> +\tled_set(x);\n\nThis breaks the ABI.\nSo NAK.\n')).review, ['nacked']);
  });

  it('a trailer in a quote, indented, or in a signature counts nowhere', async () => {
    assert.deepEqual((await agree('> Acked-by: Pavel Machek <pavel@ucw.cz>\n  Acked-by: Pavel Machek <pavel@ucw.cz>\n\n-- \nAcked-by: Pavel Machek <pavel@ucw.cz>\n')).review, []);
  });

  it('a trailer after a -- divider that starts no signature (over 40 lines after it) counts', async () => {
    const text = `Some notes\n--\n${'note\n'.repeat(45)}Acked-by: Pavel Machek <pavel@ucw.cz>\n`;
    assert.deepEqual((await agree(text)).review, ['acked']);
  });

  it('attributions in other languages and Outlook blocks are read for threading', async () => {
    for (const line of ['Am 12.03.23 um 10:00 schrieb Lee Jones:', 'Le 06/12/2023 à 23:14, Christophe Leroy a écrit :', '08.06.19 00:23, Jacek Anaszewski пише:', '-----Original Message-----\nFrom: Lee Jones <lee@kernel.org>\nSent: Monday, January 16, 2023 10:00 PM']) {
      assert.equal((await agree(`Hi,\n\n${line}\n> quoted\n\nreply\n`)).attributed, true, line);
    }
  });

  it('a diff starts where the page shows one: a hunk after --- and +++ lines, not prose after them', async () => {
    assert.equal((await agree('--- a/x.py\n+++ b/x.py\n@@@ -1,1 +1,1 @@ def junk():\n-junk1\n+junk2\n')).diff, true);
    assert.equal((await agree('--- the old plan\n+++ the new plan\nis better\n')).diff, false);
  });
});

describe('over the samples, every mail reads the same on its page and in the review', () => {
  for (const path of ['lore-linux-leds/threads-sample', 'b4', 'seed-lkml-iu-edu.txt']) {
    it(path, async () => {
      const { records, bodies } = await loadMail(corpusPath(path));
      for (const record of records) {
        const body = bodies.get(record.key)!;
        const html = await renderBody(body).catch(() => undefined);
        if (html === undefined) continue;
        const page = shown(html);
        const review = counted(body, record.from);
        const anonymous = record.from.name === '' && record.from.email === '';
        // A reply counts only the trailers naming its sender: those the page shows, less those naming others.
        const mine = anonymous ? page.review : review.review;
        assert.ok(mine.every((kind) => page.review.includes(kind)), `${record.messageId}: counted ${mine}, shown ${page.review}`);
        assert.equal(page.attributed, review.attributed, `${record.messageId}: attribution`);
        assert.equal(page.diff, review.diff, `${record.messageId}: diff`);
      }
      assert.ok(records.length > 0);
    });
  }
});
