import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markBody } from '../render/index.ts';
import { readAttribution } from '../render/attribution-line.ts';
import { attributionMatches, replyAttribution } from './attribution.ts';

const findAttribution = (text: string) => replyAttribution(markBody({ text, inline: [] }));
const parseAttribution = (line: string) => readAttribution([line]);

describe('replyAttribution', () => {
  it('takes the attribution of the mail’s own quote, not quoted ones', () => {
    const text = '\n\nOn Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:\n> Hi Jason,\n>\n> On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:\n> > NAK\n';
    assert.equal(findAttribution(text)?.author.name, 'Suthikulpanit, Suravee');
    assert.equal(findAttribution('> On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:\n> text\n'), null);
  });

  it('reads it in every language the page marks, and joins a line wrapped by the mail client', () => {
    assert.equal(findAttribution('Am 12.03.23 um 10:00 schrieb Lee Jones:\n> quoted\n')?.author.name, 'Lee Jones');
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
