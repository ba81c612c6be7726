import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atomXml, xmlText, type AtomFeed } from './atom.ts';

const feed: AtomFeed = {
  id: 'https://archive.example/feeds/messages.atom',
  title: 'Sheaf: new messages',
  selfUrl: 'https://archive.example/feeds/messages.atom',
  pageUrl: 'https://archive.example/messages/',
  updated: '2025-03-02T08:00:00.000Z',
  author: { name: 'Sheaf', email: null },
  entries: [
    {
      id: 'https://archive.example/m/r1/',
      title: 'Re: [PATCH v2 2/2] leds: two <b>&amp;</b>',
      url: 'https://archive.example/m/r1/',
      updated: '2025-03-02T08:00:00.000Z',
      published: null,
      author: { name: 'Lee "R" Reviewer', email: 'lee@example.org' },
      summary: '<script>alert(1)</script>\nReviewed-by: Lee <lee@example.org>',
    },
  ],
};

describe('atomXml', () => {
  it('writes the elements RFC 4287 requires, each link absolute as given', () => {
    const xml = atomXml(feed);
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">\n/);
    for (const element of ['<id>https://archive.example/feeds/messages.atom</id>', '<title type="text">Sheaf: new messages</title>', '<updated>2025-03-02T08:00:00.000Z</updated>', '<name>Sheaf</name>']) {
      assert.ok(xml.includes(element), element);
    }
    assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="https:\/\/archive\.example\/feeds\/messages\.atom"\/>/);
    assert.match(xml, /<entry>\n {4}<id>https:\/\/archive\.example\/m\/r1\/<\/id>\n {4}<title type="text">[^<]*<\/title>\n {4}<link rel="alternate" type="text\/html" href="https:\/\/archive\.example\/m\/r1\/"\/>\n {4}<updated>2025-03-02T08:00:00\.000Z<\/updated>\n {4}<author>/);
    assert.ok(xml.endsWith('</feed>\n'));
  });

  it('writes mail text as escaped text: no markup from mail', () => {
    const xml = atomXml(feed);
    assert.ok(xml.includes('<title type="text">Re: [PATCH v2 2/2] leds: two &lt;b&gt;&amp;amp;&lt;/b&gt;</title>'));
    assert.ok(xml.includes('<name>Lee &quot;R&quot; Reviewer</name>'));
    assert.ok(xml.includes('<summary type="text">&lt;script&gt;alert(1)&lt;/script&gt;\nReviewed-by: Lee &lt;lee@example.org&gt;</summary>'));
    assert.doesNotMatch(xml, /<script|<b>/);
  });

  it('makes any text valid XML: characters XML forbids become U+FFFD, invisible ones their marks', () => {
    assert.equal(xmlText('a\u0000b\u0008c\u001bd\ufffee\ud800f'), 'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
    assert.equal(xmlText('tab\tnew\nline 😀'), 'tab\tnew\nline 😀');
    assert.equal(xmlText('admin\u202etxt.exe'), 'admin⟨U+202E⟩txt.exe');
  });
});
