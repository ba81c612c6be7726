import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressPolicy, shownTerms } from './addresses.ts';

const rob = { name: 'Rob Herring', email: 'robh@kernel.org' };
const bare = { name: '', email: 'lee@kernel.org' };
const trailer = 'Reviewed-by: Rob Herring <robh@kernel.org>\nLink: https://lore.kernel.org/r/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu\n';
const keep = new Set(['20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu']);

describe('addressPolicy', () => {
  it('shows addresses as sent', () => {
    const shown = addressPolicy('shown');
    assert.equal(shown.full(rob), 'Rob Herring <robh@kernel.org>');
    assert.equal(shown.name(bare), 'lee@kernel.org');
    assert.equal(shown.text(trailer, keep), trailer);
  });

  it('masks the domain of every address as lkml.iu.edu does, and keeps the Message-IDs a text names', () => {
    const masked = addressPolicy('masked');
    assert.deepEqual(masked.person(rob), { name: 'Rob Herring', email: 'robh@xxxxxxxxxx' });
    assert.equal(masked.full(rob), 'Rob Herring <robh@xxxxxxxxxx>');
    assert.equal(masked.name(bare), 'lee@xxxxxxxxxx');
    assert.equal(
      masked.text(trailer, keep),
      'Reviewed-by: Rob Herring <robh@xxxxxxxxxx>\nLink: https://lore.kernel.org/r/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu\n',
    );
    assert.equal(masked.text('<p>Cc: &lt;a.b+c@mail.example.co.uk&gt;, x@y</p>'), '<p>Cc: &lt;a.b+c@xxxxxxxxxx&gt;, x@y</p>', 'in markup too; no domain, no address');
    assert.equal(masked.text('@@ -1,3 +1,4 @@ @property'), '@@ -1,3 +1,4 @@ @property');
  });

  it('hides every address: a person is their name, an address in text says it is hidden', () => {
    const hidden = addressPolicy('hidden');
    assert.deepEqual(hidden.person(rob), { name: 'Rob Herring', email: '' });
    assert.equal(hidden.full(rob), 'Rob Herring');
    assert.equal(hidden.name(bare), '[address hidden]');
    assert.equal(hidden.full(bare), '[address hidden]');
    assert.equal(hidden.text(trailer, keep), 'Reviewed-by: Rob Herring <[address hidden]>\nLink: https://lore.kernel.org/r/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu\n');
  });
});

describe('shownTerms', () => {
  const terms = { b: ['reviewed', 'lee@example.org', 'lee', 'example.org', 'example', 'org', 'kernel'], q: [], dfn: ['drivers/leds'], dfhh: [] };

  it('keeps the terms of a site that shows addresses as they are', () => {
    assert.equal(shownTerms(terms, addressPolicy('shown')), terms);
  });

  it('gives an address and the words cut from it way to the address as shown', () => {
    assert.deepEqual(shownTerms(terms, addressPolicy('masked'))!.b, ['reviewed', 'kernel', 'lee@xxxxxxxxxx', 'lee', 'xxxxxxxxxx']);
    assert.deepEqual(shownTerms(terms, addressPolicy('hidden'))!.b, ['reviewed', 'kernel']);
    assert.deepEqual(shownTerms(terms, addressPolicy('hidden'))!.dfn, ['drivers/leds']);
  });
});
