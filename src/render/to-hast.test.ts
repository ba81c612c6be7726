import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { remarkAttribution } from './attribution.ts';
import { remarkDiff } from './diff.ts';
import { remarkDiffstat } from './diffstat.ts';
import { remarkFoldQuotes } from './fold.ts';
import { remarkLinks } from './links.ts';
import { remarkParagraphs } from './paragraphs.ts';
import { remarkPgpArmor } from './pgp.ts';
import { remarkPullRequest } from './pull-request.ts';
import { remarkQuotes } from './quotes.ts';
import { remarkSignature } from './signature.ts';
import { markText, toMailHast } from './test-support.ts';
import { remarkTrailers } from './trailers.ts';

const PLUGINS = [remarkQuotes, remarkAttribution, remarkPgpArmor, remarkDiff, remarkDiffstat, remarkPullRequest, remarkSignature, remarkTrailers, remarkFoldQuotes, remarkParagraphs, remarkLinks];
const html = (text: string, idPrefix?: string) => toHtml(toMailHast(markText(text, ...PLUGINS), idPrefix));
const inner = (markup: string) => markup.replace(/^<div class="mail-body">|<\/div>$/g, '');

describe('mailHandlers', () => {
  it('wraps the body in div.mail-body and keeps paragraphs’ white space', () => {
    assert.equal(html('a\n  b'), '<div class="mail-body"><p>a\n  b</p></div>');
  });

  it('makes nested blockquotes with their depth, an attribution as figcaption of a figure', () => {
    assert.equal(
      inner(html('On Mon, A wrote:\n> a\n> > b')),
      '<figure class="quotation" data-depth="1"><figcaption class="attribution" data-depth="1">On Mon, A wrote:</figcaption>' +
        '<blockquote data-depth="1"><p>a</p><blockquote data-depth="2"><p>b</p></blockquote></blockquote></figure>',
    );
  });

  it('folds a long quote into details, keeping the attribution above it', () => {
    const markup = html(`A wrote:\n${Array.from({ length: 200 }, () => '> x').join('\n')}\nreply`);
    assert.match(markup, /^<div class="mail-body"><figure class="quotation" data-depth="1"><figcaption class="attribution" data-depth="1">A wrote:<\/figcaption><details class="fold"><summary>200 quoted lines<\/summary><blockquote data-depth="1">/);
  });

  it('makes a diff a pre.diff of line spans with their kind and numbers, the file’s id prefixed', () => {
    assert.equal(
      inner(html('diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b', 'm1-')),
      '<pre class="diff" id="m1-f1" data-file="x.c" data-lang="c" tabindex="0"><code>' +
        '<span class="line file">diff --git a/x.c b/x.c</span>\n<span class="line file">--- a/x.c</span>\n<span class="line file">+++ b/x.c</span>\n' +
        '<span class="line hunk">@@ -1 +1 @@</span>\n<span class="line del" data-old="1">-a</span>\n<span class="line add" data-new="1">+b</span></code></pre>',
    );
  });

  it('links diffstat paths to the files’ diffs and colours the graph', () => {
    const markup = html(' x.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\ndiff --git a/x.c b/x.c', 'm1-');
    assert.match(markup, /<pre class="diffstat" tabindex="0"><span class="line file"> <a href="#m1-f1">x\.c<\/a> \| 2 <span class="stat-add">\+<\/span><span class="stat-del">-<\/span><\/span>\n<span class="line"> 1 file changed/);
  });

  it('marks trailers, NAKs, the signature, PGP armour and a pull request', () => {
    assert.equal(inner(html('Reviewed-by: A <a@b>\nNAK')), '<div class="trailers"><div class="trailer" data-trailer="reviewed-by" data-review="reviewed">Reviewed-by: A &#x3C;a@b></div><div class="trailer" data-trailer="nak" data-review="nacked">NAK</div></div>');
    assert.equal(inner(html('x\n-- \nJ')), '<p>x</p><div class="signature">-- \nJ</div>');
    assert.match(html('-----BEGIN PGP SIGNATURE-----\nx\n-----END PGP SIGNATURE-----'), /<pre class="pgp" data-pgp="signature" tabindex="0">-----BEGIN/);
    assert.match(
      html('The following changes since commit 0123456:\n\n  x\n\nare available in the Git repository at:\n\n  git://h/r.git tag\n'),
      /<div class="pull-request" data-base="0123456" data-repository="git:\/\/h\/r.git tag">The following changes since commit 0123456:\n\n  x\n\nare available in the Git repository at:\n\n  <a href="git:\/\/h\/r.git" rel="nofollow noopener noreferrer">git:\/\/h\/r.git<\/a> tag<\/div>/,
    );
  });

  it('marks Message-ID references and lore links with data-msgid', () => {
    assert.equal(
      inner(html('See <20230117142008.GA1@x.org> and https://lore.kernel.org/r/1.2@y.org')),
      '<p>See <span class="msgid" data-msgid="20230117142008.GA1@x.org">&#x3C;20230117142008.GA1@x.org></span> and ' +
        '<a class="msgid" data-msgid="1.2@y.org" href="https://lore.kernel.org/r/1.2@y.org" rel="nofollow noopener noreferrer">https://lore.kernel.org/r/1.2@y.org</a></p>',
    );
  });
});
