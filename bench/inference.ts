/**
 * Threads of saved pages: the linux-leds threads sample saved as lkml.iu.edu (Hypermail) pages,
 * which keep no threading headers, and how many replies the archive still puts under their true
 * parent (the one their headers name), of all replies whose parent is archived:
 *
 *   node_modules/.bin/node bench/inference.ts [path] [--misses]
 *
 * `path` is a mail file or folder (default: the threads sample). Goal: 90% or more.
 */
import { corpusPath } from '../src/testing/corpus.ts';
import { savedPagesScore } from '../src/testing/saved-pages.ts';

const args = process.argv.slice(2);
const path = args.find((arg) => !arg.startsWith('--')) ?? corpusPath('lore-linux-leds/threads-sample');
const score = await savedPagesScore(path);
console.log(`saved pages: ${score.right} of ${score.replies} replies threaded under their true parent (${((100 * score.right) / score.replies).toFixed(1)}%, goal ≥ 90%)`);
if (args.includes('--misses')) {
  for (const miss of score.wrong) console.log(`  ${miss.subject}\n    true parent: ${miss.truth}\n    chosen:      ${miss.chosen}`);
}
