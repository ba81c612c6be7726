import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { archiveLinkTargets, resolveArchiveLinks } from './archive-links.ts';
import { renderBody } from './index.ts';

const pages: Record<string, string> = { '20230117142008.GA1@x.org': '/m/abc/', 'a&"b@c': '/m/q"&/' };
const lookup = { messageUrl: (id: string) => pages[id], quotedMessageUrl: (depth: number) => (depth === 1 ? '/m/parent/' : undefined) };

describe('resolveArchiveLinks', () => {
  it('points a lore link at the local page when the archive holds the message, and keeps it otherwise', async () => {
    const html = await renderBody({ text: 'https://lore.kernel.org/r/20230117142008.GA1@x.org\nhttps://lore.kernel.org/r/99999999.GA9@y.org', inline: [] });
    assert.equal(
      resolveArchiveLinks(html, lookup),
      '<div class="mail-body"><p><a class="msgid" data-msgid="20230117142008.GA1@x.org" href="/m/abc/">https://lore.kernel.org/r/20230117142008.GA1@x.org</a>\n' +
        '<a class="msgid" data-msgid="99999999.GA9@y.org" href="https://lore.kernel.org/r/99999999.GA9@y.org" rel="nofollow noopener noreferrer">https://lore.kernel.org/r/99999999.GA9@y.org</a></p></div>',
    );
  });

  it('links a bare Message-ID the archive holds, and leaves unknown ones as text', async () => {
    const html = await renderBody({ text: 'In <20230117142008.GA1@x.org> and <12345678.GB2@y.org>', inline: [] });
    assert.equal(
      resolveArchiveLinks(html, lookup),
      '<div class="mail-body"><p>In <a class="msgid" data-msgid="20230117142008.GA1@x.org" href="/m/abc/">&#x3C;20230117142008.GA1@x.org></a> and ' +
        '<span class="msgid" data-msgid="12345678.GB2@y.org">&#x3C;12345678.GB2@y.org></span></p></div>',
    );
  });

  it('links the attribution of depth N to the message quoted at depth N', async () => {
    const html = await renderBody({ text: 'On Mon, A wrote:\n> B wrote:\n> > x\n> y', inline: [] });
    const resolved = resolveArchiveLinks(html, lookup);
    assert.match(resolved, /<figcaption class="attribution" data-depth="1"><a href="\/m\/parent\/">On Mon, A wrote:<\/a><\/figcaption>/);
    assert.match(resolved, /<figcaption class="attribution" data-depth="2">B wrote:<\/figcaption>/);
  });

  it('reads escaped ids and escapes the URLs it writes', () => {
    const html = '<span class="msgid" data-msgid="a&#x26;&#x22;b@c">&#x3C;a&#x26;"b@c></span>';
    assert.equal(resolveArchiveLinks(html, lookup), '<a class="msgid" data-msgid="a&#x26;&#x22;b@c" href="/m/q&quot;&amp;/">&#x3C;a&#x26;"b@c></a>');
  });

  it('leaves markup it does not know alone, and is idempotent', async () => {
    const html = await renderBody({ text: 'On Mon, A wrote:\n> <20230117142008.GA1@x.org>', inline: [] });
    const once = resolveArchiveLinks(html, lookup);
    assert.equal(resolveArchiveLinks(once, lookup), once);
    assert.equal(resolveArchiveLinks('<p class="x">y</p>', lookup), '<p class="x">y</p>');
  });
});

describe('archiveLinkTargets', () => {
  it('names the Message-IDs and attribution depths a body can link to, once each', async () => {
    const html = await renderBody({
      text: 'See https://lore.kernel.org/r/20230117142008.GA1@x.org and <20230117142008.GA1@x.org>.\nOn Mon, A wrote:\n> B wrote:\n> > x\n> y',
      inline: [],
    });
    assert.deepEqual(archiveLinkTargets(html), { messageIds: ['20230117142008.GA1@x.org'], attributionDepths: [1, 2] });
  });

  it('reads escaped ids', () => {
    assert.deepEqual(archiveLinkTargets('<span class="msgid" data-msgid="a&#x26;&#x22;b@c">x</span>').messageIds, ['a&"b@c']);
  });
});
