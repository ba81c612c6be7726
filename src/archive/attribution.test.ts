import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributionMatches, findAttribution, parseAttribution } from './attribution.ts';

describe('parseAttribution', () => {
  it('reads mutt lines, with a comma inside the name', () => {
    assert.deepEqual(parseAttribution('On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:'), {
      author: { name: 'Suthikulpanit, Suravee', email: '' },
      date: '2023-01-17T05:31:07.000Z',
      exact: true,
    });
    assert.equal(parseAttribution('On Tue, Jan 10, 2023 at 08:31:36AM -0600, Suravee Suthikulpanit wrote:')?.date, '2023-01-10T14:31:36.000Z');
  });

  it('reads Thunderbird lines, month first, without a zone', () => {
    assert.deepEqual(parseAttribution('On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:'), {
      author: { name: 'Jason Gunthorpe', email: '' },
      date: '2023-01-13T22:35:00.000Z',
      exact: false,
    });
    assert.equal(parseAttribution('On 17.01.23 12:31, Jane Doe wrote:')?.date, '2023-01-17T12:31:00.000Z');
    assert.equal(parseAttribution('On 13/01/2023 09:05, Jane Doe wrote:')?.date, '2023-01-13T09:05:00.000Z');
  });

  it('reads RFC 5322, Gmail, Evolution and ISO dates with addresses', () => {
    assert.deepEqual(parseAttribution('On Mon, 10 Jan 2023 08:31:36 -0600 Jane Doe <jane@example.org> wrote:'), {
      author: { name: 'Jane Doe', email: 'jane@example.org' },
      date: '2023-01-10T14:31:36.000Z',
      exact: true,
    });
    assert.equal(parseAttribution('On Tue, Jan 10, 2023 at 3:31 PM Jane Doe <jane@example.org> wrote:')?.date, '2023-01-10T15:31:00.000Z');
    assert.equal(parseAttribution('On Tue, 2023-01-10 at 08:31 -0600, Jane Doe wrote:')?.date, '2023-01-10T14:31:00.000Z');
    assert.equal(parseAttribution('On 2023-01-10 15:31, Jane Doe wrote:')?.author.name, 'Jane Doe');
    assert.equal(parseAttribution('On Tue, 10 Jan 2023 15:31:00 EST, Jane Doe wrote:')?.date, '2023-01-10T20:31:00.000Z');
  });

  it('reads lines without a date, and refuses prose', () => {
    assert.deepEqual(parseAttribution('Jane Doe <jane@example.org> writes:'), { author: { name: 'Jane Doe', email: 'jane@example.org' }, date: null, exact: false });
    assert.equal(parseAttribution('On the other hand, I wrote:'), null);
    assert.equal(parseAttribution('As I wrote:'), null);
    assert.equal(parseAttribution('Thanks for the patch.'), null);
  });
});

describe('findAttribution', () => {
  it('takes the mail’s own attribution, not quoted ones', () => {
    const text = '\n\nOn Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:\n> Hi Jason,\n>\n> On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:\n> > NAK\n';
    assert.equal(findAttribution(text)?.author.name, 'Suthikulpanit, Suravee');
    assert.equal(findAttribution('> On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:\n> text\n'), null);
  });

  it('joins a line wrapped by the mail client', () => {
    const text = 'On Tue, Jan 10, 2023 at 3:31 PM Jane Doe <\njane@example.org> wrote:\n> quoted\n';
    assert.deepEqual(findAttribution(text)?.author, { name: 'Jane Doe', email: 'jane@example.org' });
  });
});

describe('attributionMatches', () => {
  const exact = parseAttribution('On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:')!;
  const suravee = { name: 'Suravee Suthikulpanit', email: 'suravee.suthikulpanit@amd.com' };

  it('needs the author and, for a zoned date, the minute', () => {
    assert.ok(attributionMatches(exact, suravee, '2023-01-17T05:31:07.000Z'));
    assert.ok(attributionMatches(exact, suravee, '2023-01-17T05:32:00.000Z'));
    assert.ok(!attributionMatches(exact, suravee, '2023-01-17T07:31:07.000Z'));
    assert.ok(!attributionMatches(exact, { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' }, '2023-01-17T05:31:07.000Z'));
  });

  it('allows a day’s worth of zones when the line gave none', () => {
    const local = parseAttribution('On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:')!;
    assert.ok(attributionMatches(local, { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' }, '2023-01-14T03:35:00.000Z'));
    assert.ok(!attributionMatches(local, { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' }, '2023-01-15T03:35:00.000Z'));
  });
});
