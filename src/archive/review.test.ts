import assert from 'node:assert/strict';
import { seriesApi } from './api.ts';
import { describe, it } from 'node:test';
import type { ReviewArchive } from './index.ts';
import { addedTrailers, reviewStatus, seriesStatus, type ReviewStatus } from './review.ts';
import type { Series } from './series.ts';
import { AS_SENT_VIEW, diff, reviewOf, reviewOfCorpus } from './test-support.ts';

/** A status with people written as their addresses, empty kinds left out. */
type Emails = Partial<Record<keyof ReviewStatus, string[]>>;

function emails(status: ReviewStatus): Emails {
  const shown: Emails = {};
  for (const [kind, people] of Object.entries(status) as [keyof ReviewStatus, ReviewStatus[keyof ReviewStatus]][]) {
    if (people.length > 0) shown[kind] = people.map((person) => person.email).sort();
  }
  return shown;
}

function patchStatus(review: ReviewArchive, series: Series, number: number): Emails {
  return emails(reviewStatus(review.reviews.get(series.id)!.patches.get(number) ?? []));
}

const original = 'original-reviewer@example.com';
const reviewer1 = 'followup-reviewer1@example.com';
const reviewer2 = 'followup-reviewer2@example.com';

/** What b4's own tests expect each follow-up sample to apply, for its one single-patch series. */
const SINGLE_PATCH_FILES: Record<string, Emails> = {
  'trailers-followup-single.mbox': { reviewedBy: [reviewer1, original], testedBy: [reviewer2] },
  'trailers-followup-custody.mbox': { reviewedBy: [reviewer1, original], testedBy: [reviewer2] },
  'trailers-followup-bare-address.mbox': { reviewedBy: [reviewer1, original], testedBy: [reviewer2] },
  'trailers-followup-name-parens.mbox': { reviewedBy: [reviewer1, original], testedBy: [reviewer2, 'followup-tester1@example.com', 'followup-tester2@example.com'] },
  'trailers-followup-htmljunk.mbox': { reviewedBy: ['html-junker@example.com', original] },
  'trailers-followup-nore.mbox': { reviewedBy: [reviewer1, original] },
  'trailers-followup-non-git-patch.mbox': { reviewedBy: [reviewer1, original] },
  'trailers-followup-non-git-patch-with-comments.mbox': { reviewedBy: [reviewer1, original] },
  'trailers-followup-with-diffstat.mbox': { reviewedBy: [reviewer1, original] },
  'trailers-followup-stripped-lines.mbox': { reviewedBy: [reviewer1, original] },
  'trailers-followup-already-present.mbox': { reviewedBy: ['acourbot@nvidia.com'], ackedBy: ['m.wilczynski@samsung.com'] },
  'naked-cover-single.mbox': {},
  'naked-cover-bugreport.mbox': {},
};

describe('trailers of the b4 samples', () => {
  for (const [file, expected] of Object.entries(SINGLE_PATCH_FILES)) {
    it(`applies the follow-ups of ${file}`, async () => {
      const review = await reviewOfCorpus(`b4/${file}`);
      assert.equal(review.series.length, 1);
      assert.deepEqual(patchStatus(review, review.series[0]!, 1), expected);
    });
  }

  it('counts a reply to the cover letter for every patch', async () => {
    const review = await reviewOfCorpus('b4/trailers-followup-with-cover.mbox');
    const [series] = review.series as [Series];
    assert.deepEqual(patchStatus(review, series, 1), { reviewedBy: [reviewer1, original] });
    assert.deepEqual(patchStatus(review, series, 2), { reviewedBy: [reviewer1, original] });
    assert.deepEqual(emails(reviewStatus(review.reviews.get(series.id)!.cover)), { reviewedBy: [reviewer1] });
  });

  it('says where each trailer was given: carried in the patch, or in which reply to the cover letter', async () => {
    const review = await reviewOfCorpus('b4/trailers-followup-with-cover.mbox');
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    const origins = entry!.review.map(({ origin, person, patches, message }) => ({ origin, email: person.email, patches, fromReply: message !== entry!.cover && !entry!.patches.some((patch) => patch.id === message) }));
    assert.deepEqual(
      origins.filter((one) => one.origin === 'cover'),
      [{ origin: 'cover', email: reviewer1, patches: [1, 2], fromReply: true }],
    );
    assert.ok(origins.some((one) => one.origin === 'carried' && one.email === original && !one.fromReply));
    for (const trailer of entry!.review) assert.ok(trailer.origin === 'carried' || trailer.date !== null);
  });

  it('keeps the trailers of a partial re-roll apart from the version before', async () => {
    const review = await reviewOfCorpus('b4/trailers-followup-partial-reroll.mbox');
    const v2 = review.series.find((series) => series.version === 2)!;
    const v3 = review.series.find((series) => series.version === 3)!;
    assert.deepEqual(patchStatus(review, v2, 1), { reviewedBy: [reviewer1, original] });
    assert.deepEqual(patchStatus(review, v2, 2), { reviewedBy: [reviewer1, original] });
    assert.equal(v3.patches[0]!.node, null);
    assert.deepEqual(patchStatus(review, v3, 2), { reviewedBy: [original] });
  });

  it('applies follow-ups in a whole series thread to the right patches', async () => {
    const followups = await reviewOfCorpus('b4/trailers-thread-with-followups.mbox');
    const [plain] = followups.series as [Series];
    assert.deepEqual([1, 2, 3, 4].map((number) => patchStatus(followups, plain, number)), [{}, {}, {}, { reviewedBy: ['follow.upper@example.org'] }]);

    const coverFollowup = await reviewOfCorpus('b4/trailers-thread-with-cover-followup.mbox');
    const [series] = coverFollowup.series as [Series];
    assert.deepEqual(
      [1, 2, 3, 4].map((number) => patchStatus(coverFollowup, series, number)),
      [
        { reviewedBy: ['cover.upper@example.org'] },
        { reviewedBy: ['cover.upper@example.org'] },
        { reviewedBy: ['cover.upper@example.org'] },
        { reviewedBy: ['cover.upper@example.org'], testedBy: ['follow.upper@example.org'] },
      ],
    );
    assert.deepEqual(emails(seriesStatus(coverFollowup.reviews.get(series.id)!)), { reviewedBy: ['cover.upper@example.org'], testedBy: ['follow.upper@example.org'] });
  });

  it('finds no trailers where a series has none', async () => {
    const review = await reviewOfCorpus('b4/shazam-git1-just-series.mbox');
    const [series] = review.series as [Series];
    assert.equal(series.total, 4);
    assert.deepEqual(emails(seriesStatus(review.reviews.get(series.id)!)), {});
  });
});

describe('NAKs', () => {
  it('records a bare NAK from a reviewer on the patch it answers', async () => {
    const review = await reviewOfCorpus('lore-linux-leds/threads-sample/edge-nak.mbox');
    const series = review.series.find((one) => one.total === 1 && one.cover !== null)!;
    assert.deepEqual(patchStatus(review, series, 1).nackedBy, ['pavel@ucw.cz']);
  });

  it('never counts a NAK quoted in the seed as its sender’s', async () => {
    const review = await reviewOfCorpus('seed-lkml-iu-edu.txt');
    const [series] = review.series as [Series];
    assert.deepEqual(emails(seriesStatus(review.reviews.get(series.id)!)), {});
  });

  it('leaves out what the author writes on their own series', () => {
    const review = reviewOf([
      { id: 'p', subject: '[PATCH] leds: foo', from: 'A <a@example.org>', body: `leds: foo\n${diff()}` },
      { id: 'r', subject: 'Re: [PATCH] leds: foo', from: 'A <a@example.org>', inReplyTo: 'p', references: ['p'], body: 'Krzysztof wrote, quoting badly:\n\nNAK.\n\nTested-by: A <a@example.org>\n' },
    ]);
    assert.deepEqual(patchStatus(review, review.series[0]!, 1), {});
  });

  it('counts a NAK written under a quote', () => {
    const review = reviewOf([
      { id: 'p', subject: '[PATCH] leds: foo', from: 'A <a@example.org>', body: `leds: foo\n${diff()}` },
      { id: 'r', subject: 'Re: [PATCH] leds: foo', from: 'Krzysztof Kozlowski <krzk@kernel.org>', inReplyTo: 'p', references: ['p'], body: '> +static int foo;\n\nNAK, read the code\n' },
    ]);
    assert.deepEqual(patchStatus(review, review.series[0]!, 1), { nackedBy: ['krzk@kernel.org'] });
  });
});

describe('addedTrailers', () => {
  const added = (review: ReviewArchive, series: Series, number: number) =>
    addedTrailers(review.reviews.get(series.id)!, number).map(({ kind, person }) => `${kind} ${person.email}`);

  it('adds what replies to the patch gave, then what replies to the cover gave, without what the patch carries', async () => {
    const coverFollowup = await reviewOfCorpus('b4/trailers-thread-with-cover-followup.mbox');
    const [series] = coverFollowup.series as [Series];
    assert.deepEqual(added(coverFollowup, series, 4), ['tested follow.upper@example.org', 'reviewed cover.upper@example.org']);
    assert.deepEqual(added(coverFollowup, series, 1), ['reviewed cover.upper@example.org']);
    const present = await reviewOfCorpus('b4/trailers-followup-already-present.mbox');
    assert.deepEqual(added(present, present.series[0]!, 1), [], 'both trailers are in the commit message already');
  });

  it('adds each person once per kind, and no NAK', () => {
    const review = reviewOf([
      { id: 'c', subject: '[PATCH 0/1] leds: foo', from: 'A <a@example.org>', body: 'Cover.\n' },
      { id: 'p', subject: '[PATCH 1/1] leds: foo', from: 'A <a@example.org>', inReplyTo: 'c', references: ['c'], body: `leds: foo\n\nSigned-off-by: A <a@example.org>\n${diff()}` },
      { id: 'r1', subject: 'Re: [PATCH 1/1] leds: foo', from: 'L <l@example.org>', inReplyTo: 'p', references: ['c', 'p'], body: 'Reviewed-by: L <l@example.org>\n' },
      { id: 'r2', subject: 'Re: [PATCH 0/1] leds: foo', from: 'L <l@example.org>', inReplyTo: 'c', references: ['c'], body: 'Reviewed-by: L <l@example.org>\nAcked-by: L <l@example.org>\n' },
      { id: 'r3', subject: 'Re: [PATCH 1/1] leds: foo', from: 'K <k@example.org>', inReplyTo: 'p', references: ['c', 'p'], body: 'NAK\n' },
    ]);
    assert.deepEqual(added(review, review.series[0]!, 1), ['reviewed l@example.org', 'acked l@example.org']);
  });
});
