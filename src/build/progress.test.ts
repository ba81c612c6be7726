import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, Progress } from './progress.ts';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
}

test('off a terminal, one line every interval, with counts, share and time left', () => {
  let clock = 0;
  const { written, stream } = recorder(false);
  const progress = new Progress('pages', 100, { stream, interval: 5, now: () => clock });
  clock = 1000;
  progress.advance(10, 'reused');
  assert.deepEqual(written, [], 'nothing before the interval');
  clock = 5000;
  progress.advance(15, 'rendered');
  assert.deepEqual(written, ['pages 25/100 (25 %): 10 reused, 15 rendered, 5 s elapsed, about 15 s left\n']);
  clock = 6000;
  progress.advance(75, 'reused');
  assert.equal(written.length, 1);
  assert.equal(progress.finish(), 'pages 100/100 (100 %): 85 reused, 15 rendered, 6 s elapsed');
});

test('on a terminal, the line is rewritten in place and cleared at the end', () => {
  let clock = 0;
  const { written, stream } = recorder(true);
  const progress = new Progress('mails', 2, { stream, terminalInterval: 100, now: () => clock });
  clock = 200;
  progress.advance();
  assert.equal(written.length, 1);
  assert.ok(written[0]!.startsWith('\r\x1b[2Kmails 1/2 (50 %)'));
  progress.finish();
  assert.equal(written.at(-1), '\r\x1b[2K');
});

test('durations', () => {
  assert.equal(formatDuration(4.4), '4 s');
  assert.equal(formatDuration(185), '3 min 05 s');
});
