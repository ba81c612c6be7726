import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { InOrder } from './in-order.ts';

test('results are applied in the order queued, whatever order the work finishes in', async () => {
  const pending = new InOrder(3);
  const applied: string[] = [];
  let running = 0;
  let mostRunning = 0;
  const work = (name: string, ms: number) => async () => {
    running++;
    mostRunning = Math.max(mostRunning, running);
    await sleep(ms);
    running--;
    return name;
  };
  await pending.run(work('a', 30), (name) => applied.push(name));
  pending.add(() => applied.push('problem'));
  await pending.run(work('b', 1), (name) => applied.push(name));
  await pending.run(work('c', 15), (name) => applied.push(name));
  await pending.run(work('d', 1), (name) => applied.push(name));
  assert.deepEqual(applied, [], 'nothing is applied before the first piece of work is done');
  await pending.drain();
  assert.deepEqual(applied, ['a', 'problem', 'b', 'c', 'd']);
  assert.equal(mostRunning, 3);
});

test('a failed piece of work is thrown where its result would be applied', async () => {
  const pending = new InOrder(2);
  const applied: number[] = [];
  await pending.run(async () => 1, (n) => applied.push(n));
  await pending.run(() => Promise.reject(new Error('lost')), () => applied.push(2));
  await assert.rejects(pending.drain(), /lost/);
  assert.deepEqual(applied, [1]);
});
