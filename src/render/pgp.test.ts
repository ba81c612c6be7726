import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remarkPgpArmor } from './pgp.ts';
import { markText, outline } from './test-support.ts';

describe('remarkPgpArmor', () => {
  it('marks the head of a clearsigned message and its signature block', () => {
    const text = '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nHello\n-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCAAdFiEE\n=abcd\n-----END PGP SIGNATURE-----\nafter';
    assert.deepEqual(outline(markText(text, remarkPgpArmor)), [
      { pgp: 'signed-message', value: '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256' },
      '',
      'Hello',
      { pgp: 'signature', value: '-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCAAdFiEE\n=abcd\n-----END PGP SIGNATURE-----' },
      'after',
    ]);
  });

  it('leaves a BEGIN line without its END as text', () => {
    assert.deepEqual(outline(markText('-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc', remarkPgpArmor)), ['-----BEGIN PGP PUBLIC KEY BLOCK-----', 'abc']);
  });
});
