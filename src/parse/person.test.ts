import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePerson } from './person.ts';

const reviewer = { name: 'Rob Herring', email: 'robh@kernel.org' };

describe('parsePerson', () => {
  it('reads the shapes trailers come in', () => {
    assert.deepEqual(parsePerson('Rob Herring <robh@kernel.org>'), reviewer);
    assert.deepEqual(parsePerson('Followup Reviewer1 (corporate) <r1@example.com>'), { name: 'Followup Reviewer1 (corporate)', email: 'r1@example.com' });
    assert.deepEqual(parsePerson('HTML Junker <html-junker@example.com<mailto:html-junker@example.com>>'), { name: 'HTML Junker', email: 'html-junker@example.com' });
    assert.deepEqual(parsePerson('christophe.leroy@csgroup.eu'), { name: '', email: 'christophe.leroy@csgroup.eu' });
    assert.deepEqual(parsePerson('Nobuhiro Iwamatsu <nobuhiro1.iwamatsu@toshiba.co.jp >'), { name: 'Nobuhiro Iwamatsu', email: 'nobuhiro1.iwamatsu@toshiba.co.jp' });
    assert.deepEqual(parsePerson('"Doe, Jane" <jane@example.org> # for the DT part'), { name: 'Doe, Jane', email: 'jane@example.org' });
    assert.deepEqual(parsePerson('Pavel'), { name: 'Pavel', email: '' });
  });
});
