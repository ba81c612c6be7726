import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAttribution } from './attribution-line.ts';

const read = (text: string) => readAttribution(text.split('\n'));

describe('readAttribution', () => {
  it('reads mutt lines, with a comma inside the name', () => {
    assert.deepEqual(read('On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:'), {
      author: { name: 'Suthikulpanit, Suravee', email: '' },
      date: '2023-01-17T05:31:07.000Z',
      exact: true,
    });
    assert.equal(read('On Tue, Jan 10, 2023 at 08:31:36AM -0600, Suravee Suthikulpanit wrote:')?.date, '2023-01-10T14:31:36.000Z');
  });

  it('reads Thunderbird lines, month first in English, without a zone', () => {
    assert.deepEqual(read('On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:'), {
      author: { name: 'Jason Gunthorpe', email: '' },
      date: '2023-01-13T22:35:00.000Z',
      exact: false,
    });
    assert.equal(read('On 17.01.23 12:31, Jane Doe wrote:')?.date, '2023-01-17T12:31:00.000Z');
    assert.equal(read('On 13/01/2023 09:05, Jane Doe wrote:')?.date, '2023-01-13T09:05:00.000Z');
  });

  it('reads RFC 5322, Gmail, Evolution and ISO dates with addresses', () => {
    assert.deepEqual(read('On Mon, 10 Jan 2023 08:31:36 -0600 Jane Doe <jane@example.org> wrote:'), {
      author: { name: 'Jane Doe', email: 'jane@example.org' },
      date: '2023-01-10T14:31:36.000Z',
      exact: true,
    });
    assert.equal(read('On Tue, Jan 10, 2023 at 3:31 PM Jane Doe <jane@example.org> wrote:')?.date, '2023-01-10T15:31:00.000Z');
    assert.equal(read('On Tue, 2023-01-10 at 08:31 -0600, Jane Doe wrote:')?.date, '2023-01-10T14:31:00.000Z');
    assert.equal(read('On 2023-01-10 15:31, Jane Doe wrote:')?.author.name, 'Jane Doe');
    assert.equal(read('On Tue, 10 Jan 2023 15:31:00 EST, Jane Doe wrote:')?.date, '2023-01-10T20:31:00.000Z');
  });

  it('reads the other languages the attribution plugin knows, day first', () => {
    const said = (text: string) => {
      const says = read(text);
      return says && [says.author.name || says.author.email, says.date];
    };
    assert.deepEqual(said('Am 12.03.23 um 10:00 schrieb Lee Jones:'), ['Lee Jones', '2023-03-12T10:00:00.000Z']);
    assert.deepEqual(said('Am Thu, 4 Mar 2021 10:27:07 +0200\nschrieb Andy Shevchenko <andy@example.com>:'), ['Andy Shevchenko', '2021-03-04T08:27:07.000Z']);
    assert.deepEqual(said('Le 06/12/2023 à 23:14, Christophe Leroy a écrit :'), ['Christophe Leroy', '2023-12-06T23:14:00.000Z']);
    assert.deepEqual(said('Le mar. 17 janv. 2023 à 12:31, Christophe Leroy a écrit :'), ['Christophe Leroy', '2023-01-17T12:31:00.000Z']);
    assert.deepEqual(said('Il 17/01/23 12:31, Matti Vaittinen ha scritto:'), ['Matti Vaittinen', '2023-01-17T12:31:00.000Z']);
    assert.deepEqual(said('El mar, 17 ene 2023 a las 12:31, Jane Doe escribió:'), ['Jane Doe', '2023-01-17T12:31:00.000Z']);
    assert.deepEqual(said('08.06.19 00:23, Jacek Anaszewski пише:'), ['Jacek Anaszewski', '2019-06-08T00:23:00.000Z']);
    assert.deepEqual(said('在 2024/8/22 21:50, Lee Jones 写道:'), ['Lee Jones', '2024-08-22T21:50:00.000Z']);
    assert.deepEqual(said('2019年10月5日(土) 0:40 Dan Murphy <dmurphy@ti.com>:'), ['Dan Murphy', '2019-10-05T00:40:00.000Z']);
    assert.deepEqual(said('Quoting Stephen Boyd (2023-01-17 12:31:07):'), ['Stephen Boyd', '2023-01-17T12:31:07.000Z']);
    assert.deepEqual(said('* Dan Murphy <dmurphy@ti.com> [190820 19:53]:'), ['Dan Murphy', '2019-08-20T19:53:00.000Z']);
  });

  it('reads an Outlook block’s From: and Sent: lines', () => {
    assert.deepEqual(read('-----Original Message-----\nFrom: A Person <a@example.com>\nSent: Monday, January 16, 2023 10:00 PM\nTo: B\nSubject: Re: x'), {
      author: { name: 'A Person', email: 'a@example.com' },
      date: '2023-01-16T22:00:00.000Z',
      exact: false,
    });
    assert.equal(read('----- Original Message -----'), null);
  });

  it('reads lines without a date, and refuses prose', () => {
    assert.deepEqual(read('Jane Doe <jane@example.org> writes:'), { author: { name: 'Jane Doe', email: 'jane@example.org' }, date: null, exact: false });
    assert.deepEqual(read('Jason Gunthorpe wrote:')?.author, { name: 'Jason Gunthorpe', email: '' });
    assert.deepEqual(read('Jane Doe <\njane@example.org> wrote:')?.author, { name: 'Jane Doe', email: 'jane@example.org' });
    assert.equal(read('On the other hand, I wrote:'), null);
    assert.equal(read('As I wrote:'), null);
    assert.equal(read('Thanks for the patch.'), null);
  });

  it('reads hostile lines in linear time', () => {
    const start = performance.now();
    read(`On Mon, 1 Jan 2024, ${','.repeat(900)} wrote:`);
    read(`<${'a@'.repeat(400)} wrote:`);
    read(`Quoting ${'('.repeat(900)}:`);
    read(`${' '.repeat(900)}x wrote${' '.repeat(900)}:`);
    assert.ok(performance.now() - start < 200);
    assert.equal(read(`On Mon, 1 Jan 2024 ${'x'.repeat(2000)} wrote:`), null, 'too long to be one');
  });
});
