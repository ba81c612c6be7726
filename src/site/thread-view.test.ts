import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from '../archive/test-support.ts';
import { MAX_INDENT, placeLabel, seriesPlace, threadLinks, threadTree, WINDOW_LIMITS, type ThreadTree } from './thread-view.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';

/** Rows as `indent id*` (the current one starred) with `(+n)` for messages left out before them. */
function outline(tree: ThreadTree): string[] {
  return tree.rows.map((row) => `${row.skippedBefore ? `(+${row.skippedBefore}) ` : ''}${row.indent} ${row.node.id}${row.current ? '*' : ''}`);
}

function reply(id: string, parent: string, references: string[], subject = 'Re: question'): MailSpec {
  return { id, subject, from: lee, inReplyTo: parent, references: [...references, parent], body: 'text\n' };
}

describe('threadTree', () => {
  const small = reviewOf([
    { id: 'q', subject: 'question', from: ada, body: 'Why?\n' },
    reply('a', 'q', []),
    reply('a1', 'a', ['q'], 'Re: question (was: another)'),
    reply('b', 'q', []),
    reply('x', 'lost', ['q']),
  ]);
  const node = (id: string) => small.nodes.get(id)!;

  it('shows a small thread whole, the message marked, placeholders in place', () => {
    const tree = threadTree(node('a1'));
    assert.deepEqual(outline(tree), ['0 q', '1 a', '2 a1*', '1 b', '1 lost', '2 x']);
    assert.equal(tree.skippedAfter, 0);
    assert.equal(tree.messages, 5);
    assert.equal(tree.rows[4]!.node.message, null);
  });

  it('shows a reply’s subject only when it was changed', () => {
    const subjects = Object.fromEntries(threadTree(node('q')).rows.map((row) => [row.node.id, row.subject]));
    assert.deepEqual(subjects, { q: 'question', a: null, a1: 'Re: question (was: another)', b: null, lost: null, x: 'Re: question' });
  });

  it('shows a window of a big thread: root, ancestors, siblings, replies and neighbours, counting what it leaves out', () => {
    // A root with 100 replies; the 50th starts a chain 30 deep, whose 20th link has 40 replies.
    const specs: MailSpec[] = [{ id: 'root', subject: 'big', from: ada, body: 'text\n' }];
    for (let i = 1; i <= 100; i++) specs.push(reply(`r${i}`, 'root', []));
    let above = ['root', 'r50'];
    for (let i = 1; i <= 30; i++) {
      specs.push(reply(`c${i}`, above.at(-1)!, above.slice(0, -1)));
      above = [...above, `c${i}`];
    }
    for (let i = 1; i <= 40; i++) specs.push(reply(`k${i}`, 'c20', above.slice(0, above.indexOf('c20'))));
    const big = reviewOf(specs);
    const tree = threadTree(big.nodes.get('c20')!);
    const ids = tree.rows.map((row) => row.node.id);
    assert.ok(tree.rows.length <= 1 + 1 + WINDOW_LIMITS.ancestors + 2 * WINDOW_LIMITS.siblings + WINDOW_LIMITS.replies + 2 * WINDOW_LIMITS.around);
    assert.equal(ids[0], 'root');
    for (const id of ['c12', 'c19', 'c20', 'c21', 'c25', 'k1', 'k9']) assert.ok(ids.includes(id), id);
    for (const id of ['c11', 'c26', 'k10', 'r1', 'r100']) assert.ok(!ids.includes(id), id);
    const shownMessages = tree.rows.filter((row) => row.node.message).length;
    const skipped = tree.rows.reduce((sum, row) => sum + row.skippedBefore, tree.skippedAfter);
    assert.equal(shownMessages + skipped, big.threads[0]!.size);
    // Left-out levels take no room: root, then c12 … c20 one level apart.
    assert.deepEqual(tree.rows.slice(0, 3).map((row) => [row.node.id, row.indent]), [['root', 0], ['c12', 1], ['c13', 2]]);
    assert.ok(tree.rows.every((row) => row.indent <= MAX_INDENT));
    assert.deepEqual(tree.rows.filter((row) => row.current).map((row) => row.node.id), ['c20']);
  });

  it('stops indenting a long chain shown whole', () => {
    const specs: MailSpec[] = [{ id: 'm0', subject: 'chain', from: ada, body: 'text\n' }];
    for (let i = 1; i < 40; i++) specs.push(reply(`m${i}`, `m${i - 1}`, specs.slice(0, -1).map((spec) => spec.id)));
    const chain = reviewOf(specs);
    const rows = threadTree(chain.nodes.get('m39')!).rows;
    assert.equal(rows.length, 40);
    assert.deepEqual([rows[MAX_INDENT]!.indent, rows[39]!.indent], [MAX_INDENT, MAX_INDENT]);
  });
});

describe('threadLinks and seriesPlace', () => {
  it('links up, down, across and to the start of a thread whose root is missing', () => {
    const review = reviewOf([reply('a', 'lost', []), reply('b', 'lost', []), reply('b1', 'b', ['lost']), reply('c', 'lost', [])]);
    const links = threadLinks(review.nodes.get('b')!);
    assert.deepEqual(
      Object.fromEntries(Object.entries(links).map(([name, node]) => [name, node?.id ?? null])),
      { start: 'a', parent: 'lost', firstReply: 'b1', previousSibling: 'a', nextSibling: 'c', previousInThread: 'a', nextInThread: 'b1' },
    );
    assert.equal(threadLinks(review.nodes.get('a')!).start, null, 'the start does not link to itself');
    assert.equal(threadLinks(review.nodes.get('a')!).previousInThread, null, 'the missing root is not a message to go to');
    assert.equal(threadLinks(review.nodes.get('b1')!).nextInThread?.id, 'c', 'thread order goes back up after the last reply');
    assert.equal(threadLinks(review.nodes.get('c')!).nextInThread, null);
  });

  it('tells whether a message is the cover letter, a patch, or a reply to one', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH 0/2] leds: demo', from: ada, body: 'Cover.\n' },
      { id: 'p2', subject: '[PATCH 2/2] leds: two', from: ada, inReplyTo: 'cover', references: ['cover'], body: `two\n${diff()}` },
      reply('r', 'p2', ['cover'], 'Re: [PATCH 2/2] leds: two'),
      { id: 'q', subject: 'unrelated', from: lee, body: 'text\n' },
    ]);
    const place = (id: string) => {
      const found = seriesPlace(review.nodes.get(id)!, review);
      return found && [found.series.id, found.role, found.number];
    };
    assert.deepEqual(place('cover'), ['cover', 'cover', 0]);
    assert.deepEqual(place('p2'), ['cover', 'patch', 2]);
    assert.deepEqual(place('r'), ['cover', 'reply', 2]);
    assert.equal(place('q'), null);
    const label = (id: string) => placeLabel(seriesPlace(review.nodes.get(id)!, review)!);
    assert.deepEqual(['cover', 'p2', 'r'].map(label), ['Cover letter of the series', 'Patch 2/2 of the series', 'Reply to patch 2/2 of the series']);
  });

  it('calls a copy of the cover letter, sent again without patches, the cover letter, and its replies replies to it', () => {
    const review = reviewOf([
      { id: 'copy', subject: '[PATCH 0/2] leds: demo', from: ada, date: '2025-09-02T10:50:00.000Z', body: 'Cover.\n' },
      { ...reply('r', 'copy', [], 'Re: [PATCH 0/2] leds: demo'), date: '2025-09-02T12:00:00.000Z' },
      { id: 'cover', subject: '[PATCH 0/2] leds: demo', from: ada, date: '2025-09-02T11:10:00.000Z', body: 'Cover.\n' },
      { id: 'p1', subject: '[PATCH 1/2] leds: one', from: ada, date: '2025-09-02T11:10:01.000Z', inReplyTo: 'cover', references: ['cover'], body: `one\n${diff()}` },
    ]);
    const place = (id: string) => {
      const found = seriesPlace(review.nodes.get(id)!, review);
      return found && [found.series.id, found.role, found.number];
    };
    assert.deepEqual(place('copy'), ['cover', 'cover', 0]);
    assert.deepEqual(place('r'), ['cover', 'reply', 0]);
  });

  it('puts the seed under its missing patch 3, in the iommu series', async () => {
    const seed = await reviewOfCorpus('seed-lkml-iu-edu.txt');
    const node = seed.nodes.get(seed.archive.messages[0]!.id)!;
    const tree = threadTree(node);
    assert.deepEqual(tree.rows.map((row) => [row.indent, row.node.message ? 'archived' : 'missing', row.current]), [
      [0, 'missing', false],
      [1, 'missing', false],
      [2, 'archived', true],
    ]);
    assert.equal(tree.rows[0]!.node.inferred?.subject, '[PATCH 3/4] iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.equal(tree.rows[1]!.node.inferred?.from?.name, 'Suthikulpanit, Suravee');
    const place = seriesPlace(node, seed);
    assert.deepEqual(place && [place.role, place.number], ['reply', 3]);
  });
});
