import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Address } from '../parse/types.ts';
import { memoryBaseCache } from '../testing/memory-base-cache.ts';
import { buildSearchIndex, PART_BYTES } from './build-index.ts';
import { SearchEngine } from './engine.ts';
import type { MailTerms } from './mail-terms.ts';
import { presentMatch } from './present.ts';
import { messageIdOf, parseQuery } from './query.ts';
import { decodePosting, decodeRows, encodeRows, frontCode, frontDecode, keyName, PostingWriter, shardFor, shardKey } from './postings.ts';
import { indexTerms, stripReplyPrefixes, tokens, words } from './tokenize.ts';
import type { IndexFile, SearchMessage, SearchRow } from './types.ts';

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
  assert.equal(shardKey('日本語'), '_65e5__672c_');
  assert.equal(shardKey('a b'), 'a');
  assert.equal(shardKey('=leds', 3), 'led');
  assert.equal(shardKey('4/4', 3), '4_2f_4');
  assert.equal(shardKey('a_b', 3), 'a_5f_b', 'no two keys share a name');
  assert.equal(shardKey('console', 3), 'con_', 'no name Windows reserves');
  assert.equal(shardKey('lpt1.c', 4), 'lpt1_');
  assert.equal(keyName('a_b'), 'a_5f_b');
  assert.deepEqual(frontCode(['de', 'devm', 'devm_l', 'dé', 'dü']), [0, 'de', 2, 'vm', 4, '_l', 1, 'é', 1, 'ü']);
  assert.deepEqual(frontDecode(frontCode(['de', 'devm', 'devm_l', 'dé', 'dü', '😀a', '😀b'])), ['de', 'devm', 'devm_l', 'dé', 'dü', '😀a', '😀b']);
});

test('versions, patch numbers, paths, identifiers and addresses are tokens of their own, indexed with their pieces and words', () => {
  assert.deepEqual(tokens('[PATCH v6 4/4] leds: fix pca963x_led_mc_set() in v6.4 and 5.10.y, see drivers/leds/leds-pca963x.c.'), [
    'patch', 'v6', '4/4', 'leds', 'fix', 'pca963x_led_mc_set', 'in', 'v6.4', 'and', '5.10.y', 'see', 'drivers/leds/leds-pca963x.c',
  ]);
  assert.deepEqual([...indexTerms('[PATCHv3 2/5] Pavel <pavel@ucw.cz> leds-pca963x.c')], [
    'patchv3', 'v3', '2/5', '2', '5', 'pavel', 'pavel@ucw.cz', 'ucw.cz', 'ucw', 'cz', 'leds-pca963x.c', 'leds', 'pca963x', 'c',
  ]);
  assert.ok(!indexTerms('[PATCH v6 4/4]').has('v6.4'), 'v6.4 is not v6 4/4');
  assert.deepEqual(tokens(`${'a'.repeat(101)} ok`), ['ok'], 'tokens past 100 characters are noise');
  const start = performance.now();
  tokens(`${'a.'.repeat(200_000)}!${'-a'.repeat(200_000)}`);
  tokens('a'.repeat(1_000_000));
  assert.ok(performance.now() - start < 1000, 'linear in the text');
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

test('per-message postings group messages by row and decode back, also from the middle', () => {
  const writer = new PostingWriter();
  const pairs: [number, number][] = [[0, 5], [0, 7], [0, 7], [2, 3], [2, 9], [2, 10], [7, 100], [9, 50]];
  let middle: { at: number; state: [number, number] } | undefined;
  for (const [row, message] of pairs) {
    if (row === 7) middle = { at: writer.out.length, state: [writer.lastRow, writer.base] };
    writer.add(row, message);
  }
  assert.deepEqual([...decodePosting(writer.out)], [[0, [5, 7]], [2, [3, 9, 10]], [7, [100]], [9, [50]]]);
  assert.deepEqual([...decodePosting(writer.out.slice(middle!.at), middle!.state)], [[7, [100]], [9, [50]]]);
});

test('the query language: subjects, per-message prefixes, d: ranges, phrases, m:, Re: ignored', () => {
  const plain = parseQuery('multicolor v25');
  assert.deepEqual(plain.subject, [{ words: ['multicolor'], phrase: false }, { words: ['v25'], phrase: false }]);
  assert.deepEqual(plain.messages, []);
  const full = parseQuery('s:qcom-wled f:pavel@ucw.cz d:2023-01..2023-03 "multicolor framework" Re: fix b:"looks good" q:quoted dfn:leds-pca963x.c dfhh:foo_bar c:lee t:list a:xy tc:yz nq:own a:z');
  assert.deepEqual(full.subject, [
    { words: ['qcom-wled'], phrase: false }, { words: ['multicolor', 'framework'], phrase: true }, { words: ['fix'], phrase: false },
  ]);
  assert.deepEqual(full.messages.map((term) => [term.prefix, term.fields, term.words, term.people]), [
    ['f:', ['f'], ['pavel@ucw.cz'], true],
    ['b:', ['b'], ['looks', 'good'], false],
    ['q:', ['q'], ['quoted'], false],
    ['dfn:', ['dfn'], ['leds-pca963x.c'], false],
    ['dfhh:', ['dfhh'], ['foo_bar'], false],
    ['c:', ['cc'], ['lee'], true],
    ['t:', ['to'], ['list'], true],
    ['a:', ['f', 'to', 'cc'], ['xy'], true],
    ['tc:', ['to', 'cc'], ['yz'], true],
    ['nq:', ['b'], ['own'], false],
  ]);
  assert.equal(full.from, '2023-01-01');
  assert.equal(full.to, '2023-03-31');
  assert.deepEqual(parseQuery('d:2024..').to, null);
  assert.equal(parseQuery('d:..2020-02').to, '2020-02-29');
  assert.equal(parseQuery('d:2021-05-07').to, '2021-05-07');
  // A date typed halfway bounds nothing, rather than naming a day that does not exist.
  for (const half of ['d:2024-0', 'd:2024-13', 'd:2024-02-30', 'd:2024-01-0']) assert.deepEqual([parseQuery(half).from, parseQuery(half).to], [null, null], half);
  assert.deepEqual(parseQuery('f:Lee Jones pca963x').subject, [{ words: ['jones'], phrase: false, joins: 0 }, { words: ['pca963x'], phrase: false, joins: 0 }]);
  assert.deepEqual(parseQuery('f:"Lee Jones" pca963x').subject, [{ words: ['pca963x'], phrase: false }]);
  assert.deepEqual(parseQuery('f:"Lee Jones"').messages[0]!.words, ['lee', 'jones']);
});

test('m: takes a Message-ID with or without brackets, or a URL naming it; pasted alone it needs no prefix', () => {
  assert.equal(parseQuery('m:<a.b@c.d>').messageId, 'a.b@c.d');
  assert.equal(parseQuery('m:a.b@c.d').messageId, 'a.b@c.d');
  assert.equal(parseQuery(' <a.b@c.d> ').messageId, 'a.b@c.d');
  assert.equal(parseQuery('https://lore.kernel.org/linux-leds/20240624-x-v5-2-7abc@apitzsch.eu/T/#u').messageId, '20240624-x-v5-2-7abc@apitzsch.eu');
  assert.equal(parseQuery('m:https://lore.kernel.org/all/a%2Bb@c.d/raw').messageId, 'a+b@c.d');
  assert.equal(messageIdOf('https://patch.msgid.link/x@y'), 'x@y');
  assert.equal(messageIdOf('https://example.org/no/id/here'), null);
  assert.equal(parseQuery('pavel@ucw.cz').messageId, null, 'a bare address is a subject word (and, failing that, searched in messages)');
});

let keyCounter = 0;

interface MessageSpec {
  id: string;
  date: string | null;
  from: string;
  to?: string[];
  cc?: string[];
  terms?: Partial<MailTerms>;
}

const address = (text: string): Address => {
  const match = /^(.*?)\s*<(.+)>$/.exec(text);
  return match ? { name: match[1]!, email: match[2]! } : { name: text, email: '' };
};

const termsByKey = new Map<string, MailTerms>();

function message(spec: MessageSpec): SearchMessage {
  const key = (++keyCounter).toString(16).padStart(16, '0');
  termsByKey.set(key, { b: [], q: [], dfn: [], dfhh: [], ...spec.terms });
  return { id: spec.id, url: `/m/${spec.id}/`, key, date: spec.date, from: address(spec.from), to: (spec.to ?? []).map(address), cc: (spec.cc ?? []).map(address) };
}

function row(title: string, date: string | null, extra: Partial<SearchRow> = {}): SearchRow {
  return {
    kind: 'series', url: `/s/${words(title).join('-')}/`, title, subjects: [title], versions: [1], author: 'Ada',
    date, patches: { present: 2, total: 2 }, replies: 1, messages: [],
    reviews: { reviewed: 1, acked: 0, tested: 0, nacked: 0 }, readingUrl: null, ...extra,
  };
}

function engineFor(rows: SearchRow[]): { engine: SearchEngine; fetched: string[]; files: Map<string, string> } {
  const files = new Map(buildSearchIndex(rows, (key) => termsByKey.get(key) ?? null).map((file) => [file.path, file.json]));
  const fetched: string[] = [];
  const engine = new SearchEngine(async (path) => {
    fetched.push(path);
    const json = files.get(path);
    if (json === undefined) throw new Error(`no ${path}`);
    return JSON.parse(json);
  });
  return { engine, fetched, files };
}

const titles = async (engine: SearchEngine, input: string) => (await engine.search(parseQuery(input))).rows.map((r) => r.row[2]);

/** The first and latest matching messages of a result row, as the box shows them. */
async function matchOf(engine: SearchEngine, match: { count: number; first: number; latest: number } | null) {
  const views = await engine.messageViews([match!.first, match!.latest]);
  return { count: match!.count, first: views.get(match!.first)!, latest: views.get(match!.latest)! };
}

/** The page of the first matching message of the first row a query finds. */
const firstMatch = async (engine: SearchEngine, input: string) => (await matchOf(engine, (await engine.search(parseQuery(input))).rows[0]!.match)).first.url;

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
  assert.deepEqual(await titles(engine, 'wled'), ['backlight: qcom-wled: support wled5']);
});

test('a match in the title ranks above a match in another subject of the row, even an older one', async () => {
  const { engine } = engineFor([
    row('Add support for WLED5', '2020-01-01', { subjects: ['Add support for WLED5', 'backlight: qcom-wled: add wled5'] }),
    row('backlight: qcom-wled: Support for QCOM wled driver', '2018-01-01'),
  ]);
  assert.deepEqual(await titles(engine, 'qcom-wl'), ['backlight: qcom-wled: Support for QCOM wled driver', 'Add support for WLED5']);
});

test('v6.4 does not match [PATCH v6 4/4], and v6 4/4 does', async () => {
  const { engine } = engineFor([
    row('[PATCH v6 4/4] leds: one thing', '2020-01-01'),
    row('Regression in v6.4: leds stop', '2023-08-01'),
  ]);
  assert.deepEqual(await titles(engine, 'v6.4'), ['Regression in v6.4: leds stop']);
  assert.deepEqual(await titles(engine, 'v6 4/4'), ['[PATCH v6 4/4] leds: one thing']);
  assert.deepEqual(await titles(engine, '4/4'), ['[PATCH v6 4/4] leds: one thing']);
});

test('subject phrases and dates filter; an empty query finds nothing', async () => {
  const { engine } = engineFor([
    row('add multicolor framework', '2020-01-15', { messages: [message({ id: 'mf1', date: '2020-01-15T10:00:00Z', from: 'Ada <ada@example.org>' })] }),
    row('framework multicolor swap', '2023-02-10', { messages: [message({ id: 'mf2', date: '2023-02-10T10:00:00Z', from: 'Ada <ada@example.org>' })] }),
    row('Déjà vu in café', '2023-04-01', { messages: [message({ id: 'mf3', date: '2023-04-01T10:00:00Z', from: 'Ada <ada@example.org>' })] }),
  ]);
  assert.deepEqual(await titles(engine, '"multicolor framework"'), ['add multicolor framework']);
  assert.deepEqual(await titles(engine, 'd:2023-01..2023-03'), ['framework multicolor swap']);
  assert.deepEqual(await titles(engine, 'framework d:..2020'), ['add multicolor framework']);
  assert.deepEqual(await titles(engine, 'deja CAFE'), ['Déjà vu in café']);
  assert.deepEqual(await titles(engine, ''), []);
  assert.deepEqual(await titles(engine, 'nothing-like-this'), []);
});

/** A series by Ada, reviewed by Lee (who started no thread), with a late reply; and a thread by Pavel. */
function reviewArchive(): SearchRow[] {
  return [
    row('[PATCH v3 0/4] leds: pca963x: Add multicolor support', '2024-01-10T09:00:00Z', {
      messages: [
        message({ id: 'cover@ada', date: '2024-01-10T09:00:00Z', from: 'Ada Author <ada@example.org>', to: ['Lee Jones <lee@kernel.org>'], cc: ['linux-leds@vger.kernel.org'], terms: { b: ['multicolor', 'support'] } }),
        message({ id: 'patch@ada', date: '2024-01-10T09:01:00Z', from: 'Ada Author <ada@example.org>', terms: { b: ['pca963x_led_mc_set', 'static'], dfn: ['drivers/leds/leds-pca963x.c', 'leds-pca963x.c', 'drivers/leds'], dfhh: ['pca963x_led_set'] } }),
        message({ id: 'review@lee', date: '2024-01-12T15:00:00Z', from: 'Lee Jones <lee@kernel.org>', cc: ['Pavel Machek <pavel@ucw.cz>'], terms: { b: ['applied', 'thanks'], q: ['pca963x_led_mc_set', 'static'] } }),
        message({ id: 'late@lee', date: '2024-03-02T08:00:00Z', from: 'Lee Jones <lee@kernel.org>', terms: { b: ['ping', 'again'] } }),
      ],
    }),
    row('Question about LED triggers', '2024-02-01T09:00:00Z', {
      kind: 'thread', versions: [], patches: null,
      messages: [
        message({ id: 'q@pavel', date: '2024-02-01T09:00:00Z', from: 'Pavel Machek <pavel@ucw.cz>', terms: { b: ['triggers', 'question'] } }),
        message({ id: 'a@ada', date: '2024-02-02T09:00:00Z', from: 'Ada Author <ada@example.org>', terms: { b: ['answer'], q: ['triggers', 'question'] } }),
      ],
    }),
    row('An older subject', '2019-01-01T00:00:00Z', { messages: [message({ id: 'old@x', date: '2019-01-01T00:00:00Z', from: 'X <x@example.org>' })] }),
  ];
}

test('per-message prefixes: a reviewer who started no thread is found, and the row says what matched', async () => {
  const { engine } = engineFor(reviewArchive());
  const result = await engine.search(parseQuery('f:lee'));
  assert.equal(result.total, 1);
  const [found] = result.rows;
  assert.equal(found!.row[2], '[PATCH v3 0/4] leds: pca963x: Add multicolor support');
  const match = await matchOf(engine, found!.match);
  assert.equal(match.count, 2);
  assert.equal(match.first.url, '/m/review@lee/');
  assert.equal(match.latest.day, '2024-03-02');
  assert.equal(presentMatch(match, true), '2 messages from Lee Jones, latest 2024-03-02');
  assert.deepEqual(await titles(engine, 'f:jones pca963x'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'f:lee@kernel.org'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'f:kernel.org'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'f:pavel'), ['Question about LED triggers']);
  assert.deepEqual(await titles(engine, 'c:pavel'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 't:lee'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'a:pavel'), ['Question about LED triggers', '[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'f:ada triggers'), ['Question about LED triggers']);
  assert.deepEqual(await titles(engine, 'f:pavel pca963x'), [], 'all terms of one message, and the subject, must match');
  assert.deepEqual(await titles(engine, 'f:lee b:answer'), [], 'per-message terms apply to one message');
});

test('f:Lee Jones reads a bare word as the name when a sender has it with the rest of the name, else as a subject word', async () => {
  const { engine } = engineFor(reviewArchive());
  const joined = await engine.search(parseQuery('f:Lee Jones'));
  assert.deepEqual(joined.joined, ['jones → f:']);
  assert.deepEqual(joined.rows.map((r) => r.row[2]), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  const { engine: withSubject } = engineFor([...reviewArchive(), row('jones in a subject', '2024-05-01T00:00:00Z', { messages: [message({ id: 'js@lee', date: '2024-05-01T00:00:00Z', from: 'Lee Jones <lee@kernel.org>' })] })]);
  assert.deepEqual(await titles(withSubject, 'f:Lee Jones'), ['jones in a subject', '[PATCH v3 0/4] leds: pca963x: Add multicolor support'], 'even when a subject holds it');
  assert.deepEqual(await titles(withSubject, 'f:"Lee Jones"'), ['jones in a subject', '[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  const kept = await withSubject.search(parseQuery('f:lee pca963x'));
  assert.deepEqual([kept.joined, kept.rows.map((r) => r.row[2])], [[], ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']], 'no sender is named pca963x');
  assert.deepEqual(await titles(withSubject, 'f:Lee Jones subject'), ['jones in a subject'], 'the name, then a subject word');
});

test('d: applies to each message: a late reply is found by its own date, with and without other terms', async () => {
  const { engine } = engineFor(reviewArchive());
  assert.deepEqual(await titles(engine, 'd:2024-03'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support'], 'the series began in January');
  assert.deepEqual(await titles(engine, 'pca963x d:2024-03-02..2024-03-02'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'd:2024-02-01..2024-02-28'), ['Question about LED triggers']);
  assert.deepEqual(await titles(engine, 'd:2024-01-11..2024-01-31'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'd:..2023'), ['An older subject']);
  assert.deepEqual(await titles(engine, 'd:2024..'), ['Question about LED triggers', '[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  const late = await engine.search(parseQuery('f:lee d:2024-02..2024-12'));
  assert.equal(late.rows[0]!.match!.count, 1);
  assert.equal(await firstMatch(engine, 'f:lee d:2024-02..2024-12'), '/m/late@lee/');
  assert.deepEqual(await titles(engine, 'f:lee d:2024-01-13..2024-03-01'), []);
});

test('b: is the own text, q: the quoted text, dfn: and dfhh: the diffs; m: finds a message', async () => {
  const { engine } = engineFor(reviewArchive());
  assert.deepEqual(await titles(engine, 'b:pca963x_led_mc_set'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.equal(await firstMatch(engine, 'q:pca963x_led_mc_set'), '/m/review@lee/');
  assert.deepEqual(await titles(engine, 'b:"triggers question"'), ['Question about LED triggers']);
  assert.equal(await firstMatch(engine, 'q:"triggers question"'), '/m/a@ada/');
  assert.deepEqual(await titles(engine, 'b:answer f:pavel'), []);
  assert.deepEqual(await titles(engine, 'dfn:leds-pca963x.c'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'dfn:drivers/leds'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.deepEqual(await titles(engine, 'dfhh:pca963x_led_set'), ['[PATCH v3 0/4] leds: pca963x: Add multicolor support']);
  assert.equal((await engine.search(parseQuery('m:<review@lee>'))).message, '/m/review@lee/');
  assert.equal((await engine.search(parseQuery('m:REVIEW@LEE'))).message, '/m/review@lee/', 'ignoring case when no id matches exactly');
  assert.equal((await engine.search(parseQuery('m:nowhere@example.org'))).message, null);
});

test('identifiers, paths and Message-IDs no subject holds are looked for in the messages', async () => {
  const { engine } = engineFor(reviewArchive());
  const fallback = await engine.search(parseQuery('pca963x_led_mc_set'));
  assert.equal(fallback.fallback, 'b:, dfn:, dfhh:');
  assert.equal((await matchOf(engine, fallback.rows[0]!.match)).first.url, '/m/patch@ada/');
  assert.equal(await firstMatch(engine, 'leds-pca963x.c'), '/m/patch@ada/');
  assert.equal((await engine.search(parseQuery('review@lee'))).message, '/m/review@lee/');
  assert.equal((await engine.search(parseQuery('pca963x'))).fallback, undefined, 'a subject word stays one');
  const oneLetter = await engine.search(parseQuery('pca963x_led_mc_set b'));
  assert.equal((await matchOf(engine, oneLetter.rows[0]!.match)).first.url, '/m/patch@ada/', 'one-letter words are not looked for in messages, as after b:');
});

test('a subject query fetches the manifest, its words\' shards and the chunks of the rows it shows, nothing per message', async () => {
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

test('per-message terms with long shared beginnings are cut deep, their key lists front-coded, and each is found whole', async () => {
  // Identifiers, paths and words outside ASCII under one key: shard names escape them, the key list keeps them as they are.
  const terms = Array.from({ length: 1200 }, (_, i) =>
    [`devm_led_classdev_${(i * 7919).toString(36)}`, `drivers/leds/leds-${(i * 104729).toString(36)}.c`, `deλ_${i}`, `de${i % 10}`][i % 4]!);
  const rows = terms.map((term, i) =>
    row(`leds: thing ${i}`, new Date(Date.UTC(2020, 0, 1, i)).toISOString(), {
      messages: [message({ id: `d${i}@x`, date: new Date(Date.UTC(2020, 0, 1, i)).toISOString(), from: 'Ada <ada@example.org>', terms: { b: [term, 'common'] } })],
    }),
  );
  const { engine, files } = engineFor(rows);
  const list = JSON.parse(files.get('new/b/s/de.json')!) as { files: (number | string)[] };
  const heads = frontDecode(list.files);
  assert.ok(heads.length >= 5 && heads.some((head) => head.includes('_')) && heads.some((head) => head.includes('λ')), heads.join(' '));
  assert.deepEqual(heads, [...heads].sort(), 'sorted, so that each is coded against the one before');
  for (const head of heads) assert.ok(files.has(`new/b/${keyName(head)}.json`), keyName(head));
  assert.ok(list.files.length < heads.join('').length, 'the shared beginnings are written once');
  for (const i of [0, 1, 2, 3, 401, 802, 1199]) {
    const found = await engine.search(parseQuery(`b:${terms[i]}`), 100);
    assert.equal(found.total, terms.filter((term) => term === terms[i]).length, terms[i]);
    assert.ok(found.rows.some((r) => r.row[2] === `leds: thing ${i}`), terms[i]);
  }
  assert.equal((await engine.search(parseQuery('b:devm_led_classdev'), 10)).total, 0, 'per-message words match whole');
});

test('no posting over PART_BYTES is kept whole in a shard, however short its numbers', () => {
  // Five messages a row, the first holding the term: two short numbers a row (`-1,10,`), under 5,000 numbers in the base and over 14 KB.
  const rows = Array.from({ length: 2500 }, (_, i) =>
    row(`leds: often ${i}`, new Date(Date.UTC(2020, 0, 1, i)).toISOString(), {
      messages: Array.from({ length: 5 }, (_, n) =>
        message({ id: `o${i}.${n}@x`, date: new Date(Date.UTC(2020, 0, 1, i, n)).toISOString(), from: 'Ada <ada@example.org>', terms: { b: n === 0 ? ['often'] : [] } }),
      ),
    }),
  );
  const files = buildSearchIndex(rows, (key) => termsByKey.get(key) ?? null);
  const shards = files.filter((file) => /^(new\/)?(f|to|cc|b|q|dfn|dfhh)\/(?!w\/|s\/|shards)/.test(file.path));
  for (const file of shards) {
    for (const [term, entry] of Object.entries(JSON.parse(file.json) as Record<string, unknown>)) {
      if (Array.isArray(entry)) assert.ok(JSON.stringify(entry).length <= PART_BYTES, `${file.path} ${term}`);
    }
  }
  assert.ok(files.some((file) => file.path.startsWith('b/w/')), 'b:often is cut into windows');
});

test('a posting too big to fetch whole is read window by window, newest first, until enough rows are found', async () => {
  const rows = Array.from({ length: 4000 }, (_, i) =>
    row(`leds: thing ${i}`, new Date(Date.UTC(2010, 0, 1, i)).toISOString(), {
      messages: Array.from({ length: 3 }, (_, n) =>
        message({ id: `m${i}.${n}@x`, date: new Date(Date.UTC(2010, 0, 1, i, n)).toISOString(), from: `Sender ${n} <s${n}@example.org>`, cc: ['List <list@example.org>'], terms: { b: ['common', i % 500 === 0 ? 'rare' : 'plain'] } }),
      ),
    }),
  );
  const { engine, fetched, files } = engineFor(rows);
  assert.ok([...files.keys()].some((path) => path.startsWith('cc/w/')), 'c:list is cut into windows');
  for (const [path, json] of files) if (path.includes('/w/')) assert.ok(json.length <= PART_BYTES * 2, `${path} ${json.length}`);
  fetched.length = 0;
  const common = await engine.search(parseQuery('c:list'), 10);
  assert.ok(common.partial, 'older windows were not read');
  assert.ok(common.total >= 10);
  assert.deepEqual(common.rows[0]!.row[2], 'leds: thing 3999');
  const windows = new Set(fetched.filter((path) => path.includes('/w/')).map((path) => /-(\d+)\.json$/.exec(path)![1]));
  assert.ok(windows.size <= 1, 'one window read at most (the newest rows are under new/)');
  const rare = await engine.search(parseQuery('b:common b:rare'), 10);
  assert.equal(rare.total, 8);
  assert.ok(!rare.partial);
  assert.deepEqual(rare.rows.map((r) => r.match!.count), Array(8).fill(3));
  const both = await engine.search(parseQuery('thing b:common'));
  assert.ok(both.partial && both.rows.length === 20);
  const subject = await engine.search(parseQuery('"thing 1234" c:list'), 10);
  assert.deepEqual(subject.rows.map((r) => r.row[2]), ['leds: thing 1234']);
  // Rows are an hour apart, 256 to a window: 2010-02-01 begins in window 2 and row 1000 is in window 3.
  fetched.length = 0;
  const dated = await engine.search(parseQuery('b:rare c:list d:2010-02-01..2010-03-01'), 10);
  assert.deepEqual(dated.rows.map((r) => r.row[2]), ['leds: thing 1000']);
  const read = new Set(fetched.filter((path) => path.includes('/w/')).map((path) => Number(/-(\d+)\.json$/.exec(path)![1])));
  assert.ok(read.size > 0 && [...read].every((w) => w >= 2), `windows whose mail is all before the range are not read: ${[...read].join(' ')}`);
});

test('adding the newest mail rewrites few files: its row, its message, its words', () => {
  const before = reviewArchive();
  const after = reviewArchive();
  after[1]!.messages.push(message({ id: 'new@ada', date: '2024-06-01T00:00:00Z', from: 'Ada Author <ada@example.org>', terms: { b: ['thanks'] } }));
  const [a, b] = [before, after].map((rows) => new Map(buildSearchIndex(rows, (key) => termsByKey.get(key) ?? null).map((file) => [file.path, file.json]))) as [Map<string, string>, Map<string, string>];
  const changed = [...b].filter(([path, json]) => a.get(path) !== json).map(([path]) => path).sort();
  assert.ok(changed.length <= 12, changed.join(' '));
  assert.ok(!changed.some((path) => path.startsWith('t/')), 'no subject shard');
});

test('the search page and docs/search.md list every prefix the parser knows, with an example it reads so', async () => {
  const { readFileSync } = await import('node:fs');
  const { PREFIX_HELP } = await import('./help.ts');
  const { MESSAGE_PREFIXES } = await import('./query.ts');
  const docs = readFileSync(new URL('../../docs/search.md', import.meta.url), 'utf8');
  const listed = new Set(PREFIX_HELP.map((line) => line.prefix));
  for (const prefix of [...Object.keys(MESSAGE_PREFIXES), 's:', 'd:', 'm:']) {
    assert.ok(listed.has(prefix), `${prefix} on the search page`);
    assert.ok(docs.includes(`\`${prefix}`), `${prefix} in docs/search.md`);
  }
  for (const { prefix, example } of PREFIX_HELP) {
    if (!prefix.endsWith(':')) continue;
    const query = parseQuery(example);
    const read = prefix === 'm:' ? query.messageId !== null : prefix === 'd:' ? query.from !== null : prefix === 's:' ? query.subject.length > 0 : query.messages[0]?.prefix === prefix;
    assert.ok(read, `${example} is read as ${prefix}`);
  }
});

test('the base of the per-message index is kept while its messages stay as they were, and a build with it equals one without', async () => {
  const { BASE_STEP } = await import('./build-index.ts');
  const rows = Array.from({ length: 1100 }, (_, i) =>
    row(`leds: item ${i}`, new Date(Date.UTC(2015, 0, 1, i)).toISOString(), {
      messages: [0, 1].map((n) => message({ id: `b${i}.${n}@x`, date: new Date(Date.UTC(2015, 0, 1, i, n)).toISOString(), from: `P${i % 9} <p${i % 9}@example.org>`, terms: { b: [`word${i % 50}`] } })),
    }),
  );
  const terms = (key: string) => termsByKey.get(key) ?? null;
  const cache = memoryBaseCache(terms);
  const first = buildSearchIndex(rows, terms, cache);
  assert.equal(cache.puts, 1);
  assert.ok(first.some((file) => file.path.startsWith('new/b/')) && first.some((file) => file.path.startsWith('b/')));
  const manifest = JSON.parse(first.find((file) => file.path === 'fields.json')!.json) as { base: number };
  assert.equal(manifest.base, BASE_STEP);
  // One more message at the end: the base is read from the cache, and the files are those of a build from nothing.
  rows[1099]!.messages.push(message({ id: 'late@x', date: '2016-01-01T00:00:00Z', from: 'P1 <p1@example.org>', terms: { b: ['word7'] } }));
  let read = 0;
  const again = buildSearchIndex(rows, (key) => (read++, terms(key)), cache);
  assert.ok(read < 2200 - BASE_STEP + 10, `${read} terms read`);
  const fresh = buildSearchIndex(rows, terms);
  assert.deepEqual(again.map((file) => [file.path, file.json]), fresh.map((file) => [file.path, file.json]));
  const { engine } = engineFor(rows);
  assert.equal((await engine.search(parseQuery('b:word7'))).total, 23, 'found in the base and in new/');
  assert.equal((await engine.search(parseQuery('b:word7 f:p1'))).total, 3);
  assert.equal(await firstMatch(engine, 'b:word7 f:p1'), '/m/late@x/', 'the newest first');
});

test('a kept base whose messages changed only in their bodies is patched, and equals a base built from nothing', async () => {
  const { BASE_STEP } = await import('./build-index.ts');
  // Enough mail for a base, with terms common enough to have postings cut in windows.
  const rows = Array.from({ length: 1100 }, (_, i) =>
    row(`leds: item ${i}`, new Date(Date.UTC(2015, 0, 1, i)).toISOString(), {
      messages: [0, 1, 2, 3, 4, 5].map((n) => message({ id: `c${i}.${n}@x`, date: new Date(Date.UTC(2015, 0, 1, i, n)).toISOString(), from: `P${i % 9} <p${i % 9}@example.org>`, terms: { b: [`word${i % 50}`, 'common', `only${i}`], q: n ? ['quoted'] : [] } })),
    }),
  );
  const terms = (key: string) => termsByKey.get(key) ?? null;
  const cache = memoryBaseCache(terms);
  const first = buildSearchIndex(rows, terms, cache);
  assert.ok(first.some((file) => file.path.startsWith('b/w/')), 'a posting of the base is cut in windows');
  const files = (built: IndexFile[]) => built.map((file) => [file.path, file.json]);
  // Three bodies of base messages edited (a new key each, as changed mail gets): a term left, terms gained, a common one dropped.
  const edited = (i: number, n: number, body: Partial<MailTerms>) => {
    const old = rows[i]!.messages[n]!;
    rows[i]!.messages[n] = { ...message({ id: old.id, date: old.date, from: 'x', terms: body }), from: old.from, to: old.to, cc: old.cc };
  };
  edited(3, 0, { b: ['word3', 'common', 'brandnew'] });
  edited(400, 1, { b: ['only400'], q: ['quoted', 'fresh'] });
  edited(800, 0, { b: [] });
  let read = 0;
  const patched = buildSearchIndex(rows, (key) => (read++, terms(key)), cache);
  assert.ok(read < 1000, `the base is patched, not built from its messages' terms: ${read} read`);
  assert.deepEqual(files(patched), files(buildSearchIndex(rows, terms)), 'the same files as from nothing');
  // Patched again from the patched base, and a change of people builds the base again.
  edited(5, 1, { b: ['again'] });
  assert.deepEqual(files(buildSearchIndex(rows, terms, cache)), files(buildSearchIndex(rows, terms)));
  const old = rows[7]!.messages[0]!;
  rows[7]!.messages[0] = message({ id: old.id, date: old.date, from: 'Someone Else <else@example.org>', terms: termsByKey.get(old.key)! });
  read = 0;
  assert.deepEqual(files(buildSearchIndex(rows, (key) => (read++, terms(key)), cache)), files(buildSearchIndex(rows, terms)));
  assert.ok(read >= 3 * BASE_STEP, 'another sender: built again');
});
