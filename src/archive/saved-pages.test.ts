/**
 * Corpus test: the threads of pages saved without headers. The linux-leds threads sample is
 * saved as lkml.iu.edu (Hypermail) pages (src/testing/saved-pages.ts), and the archive of the
 * pages must put the replies under the parents their headers named (bench/inference.ts lists
 * the misses).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath } from '../testing/corpus.ts';
import { hypermailDate, hideDomains, savedPagesScore } from '../testing/saved-pages.ts';

describe('threads of pages saved without headers', () => {
  it('writes pages as lkml.iu.edu does: Eastern time, domains hidden', () => {
    assert.equal(hypermailDate('2023-01-17T14:20:08.000Z'), 'Tue Jan 17 2023 - 09:20:08 EST');
    assert.equal(hypermailDate('2024-06-05T13:03:00.000Z'), 'Wed Jun 5 2024 - 09:03:00 EDT');
    assert.equal(hideDomains('Reviewed-by: Lee Jones <lee@kernel.org>'), 'Reviewed-by: Lee Jones <lee@xxxxxxxxxx>');
  });

  it('puts at least 90% of the replies of the linux-leds threads sample under their true parent', async (t) => {
    const score = await savedPagesScore(corpusPath('lore-linux-leds/threads-sample'));
    t.diagnostic(`${score.right} of ${score.replies} replies threaded under their true parent (${((100 * score.right) / score.replies).toFixed(1)}%)`);
    assert.ok(score.replies > 400, `${score.replies} replies`);
    assert.ok(score.right / score.replies >= 0.9, score.wrong.map((miss) => `${miss.subject}: chosen ${miss.chosen}`).join('\n'));
  });
});
