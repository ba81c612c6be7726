/**
 * `dfn:` on real mail: the linux-leds threads sample, its rows and every mail's terms made as
 * the build makes them (search rows from the review archive, terms from the marked tree), finds
 * a series by a file it touches: its path, its name, a folder of it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { ReviewArchive } from '../archive/index.ts';
import { reviewOfCorpus } from '../archive/test-support.ts';
import { bodyTerms } from '../loader/search-terms-store.ts';
import { markBody } from '../render/index.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { buildSearchIndex } from './build-index.ts';
import { SearchEngine } from './engine.ts';
import { parseQuery } from './query.ts';
import { searchRows } from './rows.ts';

let engine: SearchEngine;
let review: ReviewArchive;

before(async () => {
  review = await reviewOfCorpus('lore-linux-leds/threads-sample');
  const { bodies } = await loadMail(corpusPath('lore-linux-leds/threads-sample'));
  const files = new Map(
    buildSearchIndex(searchRows(review), (key) => {
      const body = bodies.get(key);
      return body ? bodyTerms(body, markBody(body)) : null;
    }).map((file) => [file.path, file.json]),
  );
  engine = new SearchEngine(async (path) => JSON.parse(files.get(path)!));
});

const search = (query: string) => engine.search(parseQuery(query));

test('dfn: finds the series touching a file, by its path, its name or a folder of it, with the patches that do', async () => {
  // One row per series family, under its newest version (rows.ts): Multicolor Framework v21 and v25.
  const v25 = review.series.find((series) => series.title.startsWith('Multicolor Framework') && series.version === 25)!;
  // A word of the name finds the series too (and its patches 3, which add the lp50xx bindings).
  assert.deepEqual((await search('dfn:lp50xx')).rows.map((row) => row.row[1]), [v25.url]);
  for (const query of ['dfn:drivers/leds/leds-lp50xx.c', 'dfn:leds-lp50xx.c']) {
    const result = await search(query);
    assert.deepEqual(result.rows.map((row) => row.row[1]), [v25.url], query);
    // Patch 4 of each version touches it.
    const { first, latest, count } = result.rows[0]!.match!;
    assert.equal(count, 2, query);
    const views = await engine.messageViews([first, latest]);
    assert.deepEqual([views.get(first)!.url, views.get(latest)!.url].sort(), [v25.patches[3]!, review.versions.get(v25.id)!.previous!.patches[3]!].map((patch) => patch.node!.message!.url).sort());
  }
  const lp5812 = review.series.find((series) => series.title.includes('TI LP5812'))!;
  assert.ok((await search('dfn:drivers/leds/rgb')).rows.some((row) => row.row[1] === lp5812.url), 'a folder of the file finds its series');
});
