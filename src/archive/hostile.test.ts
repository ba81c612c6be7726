/**
 * Hostile and broken mail in the archive stage: numbers past every bound, bodies that cannot
 * be read, References lists with thousands of ids and loops. Each bad mail is shown degraded
 * and named in `problems`; the rest of the archive is built as usual.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAttribution } from '../render/attribution-line.ts';
import { markBody } from '../render/index.ts';
import { replyAttribution } from './attribution.ts';
import { buildReviewArchive } from './index.ts';
import { parsePerson } from '../parse/person.ts';
import { samePerson } from './person.ts';
import { commitTrailers, MAX_TRAILERS, replyTrailers } from './trailers.ts';
import { MAX_SERIES_PATCHES, MAX_VERSION, normalizeTitle, parseSubject } from './subject.ts';
import { diff, mails, reviewOf, type MailSpec } from './test-support.ts';

const alice = 'Alice Author <alice@example.org>';

function patch(id: string, subject: string, extra: Partial<MailSpec> = {}): MailSpec {
  return { id, subject, from: alice, body: `commit message\n${diff(`${id}.c`)}`, ...extra };
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

describe('bounded numbers in subjects', () => {
  it('refuses counters past the bound, and says why', () => {
    for (const subject of ['[PATCH 0/4294967296] huge series', '[PATCH 0/100000000] x', `[PATCH ${'9'.repeat(400)}/3] x`, '[PATCH 1 of 100000] x']) {
      const parsed = parseSubject(subject);
      assert.equal(parsed.number, null, subject);
      assert.equal(parsed.total, null, subject);
      assert.equal(parsed.kind, 'patch', subject);
      assert.match(parsed.problem ?? '', /not read: a series has at most 9999 patches/, subject);
    }
    const largest = parseSubject(`[PATCH ${MAX_SERIES_PATCHES}/${MAX_SERIES_PATCHES}] x`);
    assert.deepEqual([largest.number, largest.total, largest.problem], [MAX_SERIES_PATCHES, MAX_SERIES_PATCHES, undefined]);
  });

  it('refuses versions past the bound, keeping a later one that is in bounds', () => {
    assert.match(parseSubject('[PATCH v99999999999 1/2] x').problem ?? '', /version 99999999999 not read/);
    assert.equal(parseSubject('[PATCH v99999999999 1/2] x').version, 1);
    assert.equal(parseSubject(`[PATCH v${MAX_VERSION} 1/2] x`).version, MAX_VERSION);
    assert.equal(parseSubject(`[PATCHv1${'0'.repeat(400)}] [v3] x`).version, 3);
  });

  it('a cover letter claiming four billion patches is an ordinary thread, not a crash', () => {
    const { result: review, ms } = timed(() =>
      reviewOf([
        { id: 'huge', subject: '[PATCH 0/4294967296] huge series', from: alice, body: 'cover\n' },
        patch('huge-1', '[PATCH 1/4294967296] one', { inReplyTo: 'huge', references: ['huge'] }),
        { id: 'oom', subject: '[PATCH 0/100000000] runs out of memory', from: alice, body: 'cover\n' },
        patch('fine-1', '[PATCH 1/2] fine', { date: '2024-02-01T00:00:00.000Z' }),
        patch('fine-2', '[PATCH 2/2] fine', { inReplyTo: 'fine-1', references: ['fine-1'], date: '2024-02-01T00:01:00.000Z' }),
      ]),
    );
    assert.ok(ms < 2000, `${ms} ms`);
    assert.deepEqual(review.series.map((series) => [series.id, series.total]), [['fine-1', 2]]);
    assert.deepEqual(review.discussions.map((thread) => thread.id).sort(), ['huge', 'oom']);
    assert.deepEqual(
      review.problems.map((problem) => problem.messageId).sort(),
      ['huge', 'huge-1', 'oom'],
    );
    assert.match(review.problems[0]!.reason, /patch counter 0\/4294967296 not read: a series has at most 9999 patches; shown in its thread, in no series/);
  });

  it('the largest series allowed is built, with its missing patches listed', () => {
    const review = reviewOf([{ id: 'big', subject: `[PATCH 0/${MAX_SERIES_PATCHES}] big`, from: alice, body: 'cover\n' }]);
    assert.equal(review.series[0]!.patches.length, MAX_SERIES_PATCHES);
    assert.deepEqual(review.problems, []);
  });
});

describe('one bad mail degrades alone', () => {
  it('a body cache file damaged after loading does not change the archive: its facts are in the record', () => {
    const { records, bodyOf } = mails([
      { id: 'cover', subject: '[PATCH 0/2] two', from: alice, body: 'cover\n' },
      patch('p1', '[PATCH 1/2] one', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p2', '[PATCH 2/2] two', { inReplyTo: 'cover', references: ['cover'] }),
      { id: 'reply', subject: 'Re: [PATCH 0/2] two', from: 'Bob <bob@example.org>', body: 'On Mon, Jan 1, 2024 at 12:00, Alice Author wrote:\n> cover\n\nReviewed-by: Bob <bob@example.org>\n' },
    ]);
    const damaged = records.find((record) => record.messageId === 'p2')!.key;
    const review = buildReviewArchive(records, (key) => {
      if (key === damaged) throw new Error('body cache file is damaged');
      return bodyOf(key);
    });
    const [series] = review.series;
    assert.deepEqual(series!.patches.map((slot) => slot.node?.id ?? null), ['p1', 'p2']);
    assert.deepEqual(review.problems, []);
  });

  it('a reply without threading headers whose body cannot be read goes under the original post', () => {
    const { records, bodyOf } = mails([
      { id: 'post', subject: 'question', from: alice, body: 'why?\n' },
      { id: 'answer', subject: 'Re: question', from: 'Bob <bob@example.org>', body: 'because\n' },
    ]);
    const broken = records.find((record) => record.messageId === 'answer')!.key;
    const review = buildReviewArchive(records, (key) => (key === broken ? (() => { throw new Error('truncated'); })() : bodyOf(key)));
    // Its body reads as empty: no attribution, so the parent is the original post.
    assert.equal(review.nodes.get('answer')!.parent?.id, 'post');
    assert.deepEqual(review.problems, [{ messageId: 'answer', reason: 'body not read: truncated' }]);
  });
});

describe('References lists', () => {
  it('10,000 ids with a loop thread in linear time, without cycles', () => {
    const loop = Array.from({ length: 10_000 }, (_, i) => `ref-${i % 100}@x`);
    const { result: review, ms } = timed(() =>
      reviewOf([
        { id: 'ref-0@x', subject: 'root', body: 'root\n' },
        { id: 'looped', subject: 'Re: root', inReplyTo: 'ref-99@x', references: loop, body: 'reply\n' },
        { id: 'ref-50@x', subject: 'Re: root', references: loop.slice(0, 5000), body: 'reply\n' },
      ]),
    );
    assert.ok(ms < 2000, `${ms} ms`);
    for (const node of review.nodes.values()) {
      const seen = new Set<unknown>();
      for (let above = node.parent; above; above = above.parent) {
        assert.ok(!seen.has(above), `a cycle above ${node.id}`);
        seen.add(above);
      }
    }
    assert.equal(review.threads.length, 1);
  });
});

describe('titles', () => {
  it('normalises a title with a long run of separators in linear time', () => {
    const long = `leds: ${'-'.repeat(200_000)}x`;
    const { ms } = timed(() => normalizeTitle(long));
    assert.ok(ms < 500, `${ms} ms`);
    assert.equal(normalizeTitle(`leds: foo ${'-'.repeat(100_000)} v25`), 'leds foo');
    assert.equal(normalizeTitle('Multicolor Framework (v25)'), 'multicolor framework');
    assert.equal(normalizeTitle('Multicolor Framework, v2.1'), 'multicolor framework');
    assert.equal(normalizeTitle('leds: dev25'), 'leds dev25');
  });
});

describe('mail text read in linear time', () => {
  it('attribution lines full of blanks, commas or addresses', () => {
    const { ms } = timed(() => {
      replyAttribution(markBody({ text: `On a${' '.repeat(400_000)}b wrote:\n> x\n`.repeat(5), inline: [] }));
      replyAttribution(markBody({ text: `x${' '.repeat(1_000_000)}y\n`, inline: [] }));
      readAttribution([`On Mon, 1 Jan 2024, ${','.repeat(900)} wrote:`]);
      readAttribution([`<${'a@'.repeat(400)} wrote:`]);
    });
    assert.ok(ms < 1000, `${ms} ms`);
    assert.deepEqual(readAttribution(['Ada Lovelace <ada@example.org> writes:']), { author: { name: 'Ada Lovelace', email: 'ada@example.org' }, date: null, exact: false });
    assert.equal(readAttribution([`On Mon, 1 Jan 2024 ${'x'.repeat(2000)} wrote:`]), null, 'too long to be one');
  });

  it('people named by a megabyte of brackets and at signs', () => {
    const { ms } = timed(() => {
      parsePerson(`<${'a@'.repeat(500_000)}`);
      samePerson({ name: '('.repeat(1_000_000), email: '' }, { name: '['.repeat(1_000_000), email: '' });
    });
    assert.ok(ms < 1000, `${ms} ms`);
    assert.deepEqual(parsePerson('Ada <ada@example.org<mailto:ada@example.org>>'), { name: 'Ada', email: 'ada@example.org' });
  });

  it('reads at most MAX_TRAILERS trailers from one mail', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `Reviewed-by: Person ${i} <p${i}@example.org>`).join('\n');
    const tree = markBody({ text, inline: [] });
    const { result, ms } = timed(() => [replyTrailers(tree, { name: '', email: '' }), commitTrailers(tree, Infinity)]);
    assert.ok(ms < 1000, `${ms} ms`);
    assert.deepEqual(result.map((trailers) => trailers.length), [MAX_TRAILERS, MAX_TRAILERS]);
  });
});
