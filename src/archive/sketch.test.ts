import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSketch, mergeSketches, resemblance, SKETCH_SIZE, sketchOf } from './sketch.ts';

const v1 = `The GPIO LED trigger exposes a userspace ABI where a user can echo a GPIO number from the global
GPIO numberspace into a file that will trigger a certain LED when active. This is problematic because
the global GPIO numberspace is inherently instable.`;

describe('sketches', () => {
  it('keep the smallest hashes of a text’s word 3-shingles, at most SKETCH_SIZE, whatever the case and punctuation', () => {
    const sketch = decodeSketch(sketchOf(v1));
    assert.equal(sketch.length, SKETCH_SIZE);
    assert.deepEqual(sketch, [...sketch].sort((a, b) => a - b));
    assert.equal(sketchOf(v1.toUpperCase().replace(/\./g, ' ;')), sketchOf(v1));
    assert.equal(sketchOf('two words'), '');
    assert.equal(decodeSketch(sketchOf('just three words')).length, 1);
  });

  it('estimate how alike two texts are: 1 for the same, 0 for none in common or nothing known, between for a reworded one', () => {
    const same = mergeSketches([sketchOf(v1)]);
    assert.equal(resemblance(same, mergeSketches([sketchOf(v1)])), 1);
    assert.equal(resemblance(same, mergeSketches([sketchOf('Convert the binding to DT schema format for the Foo controller, as others were.')])), 0);
    assert.equal(resemblance(same, []), 0);
    const reworded = mergeSketches([sketchOf(`${v1}\nSo mark it broken, so that nobody enables it by accident, rather than deleting it.`)]);
    const score = resemblance(same, reworded);
    assert.ok(score > 0.3 && score < 1, String(score));
  });

  it('merge: the sketch of texts together is the sketch of their concatenation’s shingles', () => {
    const [a, b] = ['one two three four five six seven', 'eight nine ten eleven twelve thirteen'];
    const merged = mergeSketches([sketchOf(a), sketchOf(b)]);
    const whole = new Set(decodeSketch(sketchOf(`${a} ${b}`)));
    // 5 and 4 shingles; the concatenation has those and two across the join, 11 in all, fewer than SKETCH_SIZE.
    assert.equal(merged.length, 9);
    assert.equal(whole.size, 11);
    assert.ok(merged.every((hash) => whole.has(hash)));
  });
});
