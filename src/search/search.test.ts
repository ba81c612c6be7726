import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSearchIndex } from './build-index.ts';
import { SearchEngine } from './engine.ts';
import { parseQuery } from './query.ts';
import { decodeRows, encodeRows, shardFor, shardKey, stripReplyPrefixes, words } from './tokenize.ts';
import type { SearchRow } from './types.ts';

test('reply prefixes are stripped in linear time, however many blanks', () => {
  const start = performance.now();
  assert.equal(stripReplyPrefixes(`re${' '.repeat(1_000_000)}x`), `re${' '.repeat(1_000_000)}x`);
  assert.equal(stripReplyPrefixes(`${'re: '.repeat(100_000)}x`), 'x');
  assert.ok(performance.now() - start < 1000);
});

test('words fold case and accents and split at punctuation', () => {
  assert.deepEqual(words('[PATCHv3 2/5] leds: qcom-wled: Déjà vu'), ['patchv3', '2', '5', 'leds', 'qcom', 'wled', 'deja', 'vu']);
  assert.equal(stripReplyPrefixes('Re: RE: Fwd: [PATCH] x'), '[PATCH] x');
  assert.equal(stripReplyPrefixes('Re[2]: AW: x'), 'x');
  assert.equal(stripReplyPrefixes(' re [12] :  fw:r: x'), 'x');
  assert.equal(stripReplyPrefixes('ree: x'), 'ree: x');
  assert.equal(shardKey('leds'), 'le');
  assert.equal(shardKey('v'), 'v');
  assert.equal(shardKey(words('Über')[0]!), 'ub');
  assert.equal(shardKey('日本語'), 'x65e5-672c');
  assert.equal(shardKey('a b'), 'a');
  assert.equal(shardKey('=leds', 3), 'led');
});

test('a word lives in the longest shard the index has for it', () => {
  const shards = new Set(['le', 'led', 'leds', 'dt']);
  assert.equal(shardFor('leds', shards), 'leds');
  assert.equal(shardFor('ledtrig', shards), 'led');
  assert.equal(shardFor('lenovo', shards), 'le');
  assert.equal(shardFor('dts', shards), 'dt');
  assert.equal(shardFor('mfd', shards), 'mf');
});

test('posting lists are delta- and run-length-encoded', () => {
  const rows = [0, 1, 2, 3, 7, 8, 20, 21, 22];
  assert.deepEqual(encodeRows(rows), [0, -3, 4, -1, 12, -2]);
  assert.deepEqual(decodeRows(encodeRows(rows)), rows);
  assert.deepEqual(decodeRows(encodeRows([5])), [5]);
  assert.deepEqual(decodeRows(encodeRows([])), []);
});

test('the query language: bare words, s:, f:, d: ranges, phrases, Re: ignored', () => {
  assert.deepEqual(parseQuery('multicolor v25'), {
    subject: [{ words: ['multicolor'], phrase: false }, { words: ['v25'], phrase: false }],
    author: [], from: null, to: null,
  });
  const full = parseQuery('s:qcom-wled f:pavel@ucw.cz d:2023-01..2023-03 "multicolor framework" Re: fix');
  assert.deepEqual(full.subject, [
    { words: ['qcom'], phrase: false }, { words: ['wled'], phrase: false },
    { words: ['multicolor', 'framework'], phrase: true }, { words: ['fix'], phrase: false },
  ]);
  assert.deepEqual(full.author, ['pavel', 'ucw', 'cz']);
  assert.equal(full.from, '2023-01-01');
  assert.equal(full.to, '2023-03-31');
  assert.deepEqual(parseQuery('d:2024..').to, null);
  assert.equal(parseQuery('d:..2020-02').to, '2020-02-29');
  assert.equal(parseQuery('d:2021-05-07').to, '2021-05-07');
});

function row(title: string, date: string, extra: Partial<SearchRow> = {}): SearchRow {
  return {
    kind: 'series', url: `/s/${words(title).join('-')}/`, title, subjects: [title], versions: [1], author: 'Ada',
    people: ['Ada Lovelace', 'ada@example.org'], date, patches: { present: 2, total: 2 }, replies: 1,
    reviews: { reviewed: 1, acked: 0, tested: 0, nacked: 0 }, ...extra,
  };
}

function engineFor(rows: SearchRow[]): { engine: SearchEngine; fetched: string[] } {
  const files = new Map(buildSearchIndex(rows).map((file) => [file.path, file.json]));
  const fetched: string[] = [];
  const engine = new SearchEngine(async (path) => {
    fetched.push(path);
    const json = files.get(path);
    if (json === undefined) throw new Error(`no ${path}`);
    return JSON.parse(json);
  });
  return { engine, fetched };
}

const titles = async (engine: SearchEngine, input: string) => (await engine.search(parseQuery(input))).rows.map((r) => r[2]);

test('whole words before prefixes, an exact title first, newer before older', async () => {
  const { engine } = engineFor([
    row('leds: add multicolor framework', '2020-01-01'),
    row('leds: multicolor framework', '2019-06-01'),
    row('leds: multicolored lights', '2024-01-01'),
    row('backlight: qcom-wled: support wled5', '2021-01-01'),
  ]);
  assert.deepEqual(await titles(engine, 'multicolor'), ['leds: add multicolor framework', 'leds: multicolor framework', 'leds: multicolored lights']);
  assert.deepEqual(await titles(engine, 'leds: multicolor framework'), ['leds: multicolor framework', 'leds: add multicolor framework']);
  assert.deepEqual(await titles(engine, 'MULTICOLOUR'), []);
  assert.deepEqual(await titles(engine, 'qcom-wl'), ['backlight: qcom-wled: support wled5']);
});

test('a match in the title ranks above a match in another subject of the row, even an older one', async () => {
  const { engine } = engineFor([
    row('Add support for WLED5', '2020-01-01', { subjects: ['Add support for WLED5', 'backlight: qcom-wled: add wled5'] }),
    row('backlight: qcom-wled: Support for QCOM wled driver', '2018-01-01'),
  ]);
  assert.deepEqual(await titles(engine, 'qcom-wl'), ['backlight: qcom-wled: Support for QCOM wled driver', 'Add support for WLED5']);
});

test('phrases, authors and dates filter; an empty query finds nothing', async () => {
  const { engine } = engineFor([
    row('add multicolor framework', '2020-01-15'),
    row('framework multicolor swap', '2023-02-10', { people: ['Pavel Machek', 'pavel@ucw.cz'] }),
    row('Déjà vu in café', '2023-04-01'),
  ]);
  assert.deepEqual(await titles(engine, '"multicolor framework"'), ['add multicolor framework']);
  assert.deepEqual(await titles(engine, 'framework f:pavel'), ['framework multicolor swap']);
  assert.deepEqual(await titles(engine, 'f:ucw.cz'), ['framework multicolor swap']);
  assert.deepEqual(await titles(engine, 'd:2023-01..2023-03'), ['framework multicolor swap']);
  assert.deepEqual(await titles(engine, 'framework d:..2020'), ['add multicolor framework']);
  assert.deepEqual(await titles(engine, 'deja CAFE'), ['Déjà vu in café']);
  assert.deepEqual(await titles(engine, ''), []);
  assert.deepEqual(await titles(engine, 'nothing-like-this'), []);
});

test('a query fetches the manifest, its words\' shards and the chunks of the rows it shows', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => row(`driver${i} leds: thing ${i % 7 === 0 ? 'special' : 'plain'}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString()));
  const { engine, fetched } = engineFor(rows);
  const result = await engine.search(parseQuery('special'), 10);
  assert.equal(result.total, 58);
  assert.equal(result.rows.length, 10);
  assert.deepEqual(fetched.filter((path) => !path.startsWith('r/')), ['manifest.json', 't/sp.json']);
  assert.ok(fetched.filter((path) => path.startsWith('r/')).length <= 10);
});

test('big shards are cut at three and four characters, and search still finds every word', async () => {
  const unique = (i: number) => (i * 7919 + 100000).toString(36);
  const rows = Array.from({ length: 3000 }, (_, i) => row(`leds: led${i % 40}x driver ${unique(i)}`, new Date(Date.UTC(2020, 0, 1, i)).toISOString()));
  const files = buildSearchIndex(rows);
  const manifest = JSON.parse(files[0]!.json) as { subjectShards: string[] };
  assert.ok(manifest.subjectShards.some((name) => name.length > 2), manifest.subjectShards.join(' '));
  for (const file of files) assert.ok(file.json.length < 64 * 1024, `${file.path} ${file.json.length}`);
  const { engine } = engineFor(rows);
  assert.equal((await engine.search(parseQuery(unique(2999)))).total, 1);
  assert.equal((await engine.search(parseQuery('"driver 24wj"'))).total, 0);
  assert.equal((await engine.search(parseQuery(`"driver ${unique(7)}"`))).total, 1);
  assert.equal((await engine.search(parseQuery('led7x'))).total, 75);
  assert.equal((await engine.search(parseQuery('leds'))).total, 3000);
});
