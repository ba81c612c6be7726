import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { remarkAttribution } from './attribution.ts';
import { remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';

/** The attribution of the first quote in `text`, or undefined. */
function attributionOf(text: string): unknown {
  const tree = markText(text, remarkQuotes, remarkAttribution);
  const quote = tree.children.find((node) => node.type === 'quote');
  const first = quote?.type === 'quote' ? quote.children[0] : undefined;
  return first?.type === 'attribution' ? (outline(first) as { attribution: unknown }).attribution : undefined;
}

describe('remarkAttribution', () => {
  const attributed: Array<[string, string]> = [
    ['On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:', 'mutt'],
    ['On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:', 'Thunderbird'],
    ['Jason Gunthorpe <jgg@nvidia.com> wrote:', 'a name and address'],
    ['Arnd Bergmann <arnd@arndb.de> writes:', 'Gnus'],
    ['Quoting Stephen Boyd (2023-01-17 12:31:07):', 'Horde / git-send-email replies'],
    ['* Dan Murphy <dmurphy@ti.com> [190820 19:53]:', 'mutt’s other format'],
    ['Am 12.03.23 um 10:00 schrieb Lee Jones:', 'German Thunderbird'],
    ['Le 06/12/2023 à 23:14, Christophe Leroy a écrit :', 'French'],
    ['08.06.19 00:23, Jacek Anaszewski пише:', 'Ukrainian'],
    ['在 2024/8/22 21:50, Lee Jones 写道:', 'Chinese'],
    ['2019年10月5日(土) 0:40 Dan Murphy <dmurphy@ti.com>:', 'Gmail in Japanese: an address, a date and a colon'],
    ['----- Original Message -----', 'Outlook'],
  ];
  for (const [line, client] of attributed) {
    it(`ties "${line}" (${client}) to the quote below it`, () => assert.equal(attributionOf(`Hi,\n\n${line}\n> quoted`), line));
  }

  it('takes a wrapped attribution whole, and allows a blank line before the quote', () => {
    assert.equal(attributionOf('On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit,\nSuravee wrote:\n> x'), 'On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit,\nSuravee wrote:');
    assert.equal(attributionOf('Am Thu, 4 Mar 2021 10:27:07 +0200\nschrieb Andy Shevchenko <andy@example.com>:\n\n> x'), 'Am Thu, 4 Mar 2021 10:27:07 +0200\nschrieb Andy Shevchenko <andy@example.com>:');
  });

  it('does not take the line above a one-line attribution', () => {
    assert.equal(attributionOf('Hi Jason,\nOn Mon, Jan 2, 2023, Bob wrote:\n> x'), 'On Mon, Jan 2, 2023, Bob wrote:');
  });

  it('takes an Outlook header block that names the sender', () => {
    const block = '-----Original Message-----\nFrom: A <a@example.com>\nSent: Monday\nTo: B\nSubject: Re: x';
    assert.equal(attributionOf(`${block}\n> x`), block);
    assert.equal(attributionOf('Subject: only a subject\n> x'), undefined);
  });

  it('leaves lines that do not say who wrote as text', () => {
    assert.equal(attributionOf('I think so:\n> x'), undefined);
    assert.equal(attributionOf('Hi!\n> x'), undefined);
    assert.deepEqual(outline(markText('On Mon, Bob wrote:\n\nnothing quoted', remarkQuotes, remarkAttribution)), ['On Mon, Bob wrote:', '', 'nothing quoted']);
  });

  it('ties each of the seed’s three attributions to its quote, at every depth', async () => {
    const { bodies } = await loadMail(corpusPath('seed-lkml-iu-edu.txt'));
    const tree = markText([...bodies.values()][0]!.text, remarkQuotes, remarkAttribution);
    const found: Array<[number, unknown]> = [];
    const walk = (nodes: typeof tree.children): void => {
      for (const node of nodes) {
        if (node.type !== 'quote') continue;
        const first = node.children[0];
        if (first?.type === 'attribution') found.push([node.depth, (outline(first) as { attribution: unknown }).attribution]);
        walk(node.children);
      }
    };
    walk(tree.children);
    assert.deepEqual(found, [
      [1, 'On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:'],
      [2, 'On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:'],
      [3, 'On Tue, Jan 10, 2023 at 08:31:36AM -0600, Suravee Suthikulpanit wrote:'],
    ]);
  });
});
