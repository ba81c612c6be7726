import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Address } from '../parse/types.ts';
import { addressSharing, type MailRecord } from './record.ts';

function recordWith(from: Address, to: Address[], cc: Address[]): MailRecord {
  return { from, to, cc } as MailRecord;
}

test('equal addresses of the records of a load become one object, in place, and read the same', () => {
  const share = addressSharing();
  const first = recordWith({ name: 'Lee Jones', email: 'lee@kernel.org' }, [{ name: '', email: 'linux-leds@vger.kernel.org' }], []);
  const second = recordWith(
    { name: 'Pavel Machek', email: 'pavel@ucw.cz' },
    [{ name: 'Lee Jones', email: 'lee@kernel.org' }],
    [{ name: '', email: 'linux-leds@vger.kernel.org' }, { name: 'Lee Jones', email: 'other@kernel.org' }],
  );
  const before = structuredClone(second);
  assert.equal(share(first), first);
  assert.equal(share(second), second);
  assert.deepEqual(second, before);
  assert.equal(second.to[0], first.from);
  assert.equal(second.cc[0], first.to[0]);
  // The same name at another address, and a name holding what would separate them, stay apart.
  assert.notEqual(second.cc[1], first.from);
  const tricky = recordWith({ name: 'a\0b', email: 'c' }, [{ name: 'a', email: 'b\0c' }], []);
  share(tricky);
  assert.notEqual(tricky.to[0], tricky.from);
});
