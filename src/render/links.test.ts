import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remarkLinks, linkify, looksLikeMessageId, messageIdOfUrl, trimUrl } from './links.ts';
import { remarkParagraphs } from './paragraphs.ts';
import { outline } from './test-support.ts';
import { markText } from './test-support.ts';
import { remarkTrailers } from './trailers.ts';

describe('linkify', () => {
  it('links http, https, git and ftp URLs, and nothing else', () => {
    assert.deepEqual(linkify('see https://example.com/a and git://git.kernel.org/x.git, ftp://f/x').map(outline), [
      'see ', { link: 'https://example.com/a' }, ' and ', { link: 'git://git.kernel.org/x.git' }, ', ', { link: 'ftp://f/x' },
    ]);
    for (const text of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>', 'ssh://host/x', 'mailto:a@b', 'https://']) {
      assert.deepEqual(linkify(text).map(outline), [text], text);
    }
  });

  it('stops a URL at white space, quotes and angle brackets', () => {
    assert.deepEqual(linkify('<https://a.example/x>"q').map(outline), ['<', { link: 'https://a.example/x' }, '>"q']);
    assert.deepEqual(linkify('"><img src=x onerror=alert(1)>https://a.example/"onmouseover=x').map(outline), [
      '"><img src=x onerror=alert(1)>', { link: 'https://a.example/' }, '"onmouseover=x',
    ]);
  });

  it('reads Message-IDs in angle brackets, but not addresses', () => {
    assert.deepEqual(linkify('In <20230117142008.GA1234@nvidia.com> Jason <jgg@nvidia.com> said').map(outline), [
      'In ', { messageRef: '20230117142008.GA1234@nvidia.com' }, ' Jason <jgg@nvidia.com> said',
    ]);
    assert.deepEqual(linkify('Message-ID: <abc@d>').map(outline), ['Message-ID: ', { messageRef: 'abc@d' }]);
  });

  it('gives lore, lkml.kernel.org and patch.msgid.link URLs their Message-ID', () => {
    assert.equal(messageIdOfUrl('https://lore.kernel.org/linux-leds/20230117.GA1@x.org/T/#u'), '20230117.GA1@x.org');
    assert.equal(messageIdOfUrl('https://lore.kernel.org/r/20230117.GA1@x.org'), '20230117.GA1@x.org');
    assert.equal(messageIdOfUrl('https://lore.kernel.org/all/a%2Fb%40c.d/'), 'a/b@c.d');
    assert.equal(messageIdOfUrl('http://lkml.kernel.org/r/1@x'), '1@x');
    assert.equal(messageIdOfUrl('https://patch.msgid.link/2@y'), '2@y');
    assert.equal(messageIdOfUrl('https://lore.kernel.org/linux-leds/'), undefined);
    assert.equal(messageIdOfUrl('https://lore.kernel.org/r/%E0%A4%A'), undefined);
    assert.equal(messageIdOfUrl('https://example.com/r/1@x'), undefined);
  });
});

describe('trimUrl', () => {
  it('cuts sentence punctuation and brackets opened before the URL', () => {
    assert.equal(trimUrl('https://x.org/a.'), 'https://x.org/a');
    assert.equal(trimUrl('https://x.org/a),'), 'https://x.org/a');
    assert.equal(trimUrl('https://en.wikipedia.org/wiki/Foo_(bar)'), 'https://en.wikipedia.org/wiki/Foo_(bar)');
  });
});

describe('looksLikeMessageId', () => {
  it('tells generated ids from addresses', () => {
    for (const id of ['20230117142008.GA1234@nvidia.com', 'Y8axQv3qkFLq8x4J@google.com', '87h6wvw1bu.fsf@kernel.org', 'cover.1673000000.git.x@y.org', 'CAHp75VdXyZaBcDeFgHiJk1@mail.gmail.com']) {
      assert.equal(looksLikeMessageId(id, ''), true, id);
    }
    for (const id of ['jgg@nvidia.com', 'jic23@kernel.org', 'andy.shevchenko@gmail.com', 'linux-leds@vger.kernel.org']) {
      assert.equal(looksLikeMessageId(id, ''), false, id);
    }
  });
});

describe('remarkLinks', () => {
  it('links URLs in trailers and marks Link: ids, but reads no Message-ID in a person’s trailer', () => {
    const tree = markText('Link: https://lore.kernel.org/r/20230117.GA1@x.org\nReviewed-by: A <20230117142008.GA1234@x.org>', remarkTrailers, remarkParagraphs, remarkLinks);
    const [trailers] = tree.children;
    assert.deepEqual(trailers?.type === 'trailers' && trailers.children.map((trailer) => trailer.children.map(outline)), [
      ['Link: ', { link: 'https://lore.kernel.org/r/20230117.GA1@x.org', messageId: '20230117.GA1@x.org' }],
      ['Reviewed-by: A <20230117142008.GA1234@x.org>'],
    ]);
  });
});
