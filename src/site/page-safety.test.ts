/**
 * The pages fit their Content-Security-Policy: no component prints a style attribute or an
 * inline script, the thread tree's depths are classes the stylesheet defines, and mail strings
 * go through MailText.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from './security.ts';
import { MAX_INDENT } from './thread-view.ts';

const src = new URL('../', import.meta.url);
const astroFiles = (folder: string) =>
  readdirSync(new URL(folder, src), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.astro'))
    .map((name) => ({ name: `${folder}${name}`, text: readFileSync(new URL(`${folder}${name}`, src), 'utf8') }));

test('the policy allows the site itself only, and no inline script or style', () => {
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
    assert.ok(CONTENT_SECURITY_POLICY.split('; ').includes(directive), directive);
  }
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|\*|http:|https:|frame-ancestors/);
  assert.match(CONTENT_SECURITY_POLICY_HEADER, /; frame-ancestors 'none'$/);
});

test('every layout carries the policy; no component has a style attribute, inline script or handler', () => {
  assert.match(readFileSync(new URL('components/HeadPolicy.astro', src), 'utf8'), /<meta http-equiv="Content-Security-Policy" content=\{CONTENT_SECURITY_POLICY\} \/>/);
  for (const layout of ['layouts/Base.astro', 'layouts/Forward.astro']) {
    assert.match(readFileSync(new URL(layout, src), 'utf8'), /<head>\s*<HeadPolicy \/>/, layout);
  }
  for (const { name, text } of [...astroFiles('components/'), ...astroFiles('layouts/'), ...astroFiles('pages/')]) {
    assert.doesNotMatch(text, /\sstyle=/, name);
    assert.doesNotMatch(text, /\son[a-z]+=/, name);
    // Astro bundles a component's <script> into /_astro/*.js; only is:inline would stay in the page, unless it names a file (the theme's, Base.astro).
    assert.doesNotMatch(text, /<script(?![^>]*\ssrc=)[^>]*is:inline|<script[^>]*set:html/, name);
    const rawHtml = [...text.matchAll(/set:html=\{([^}]*)\}/g)].map((match) => match[1]);
    // Only the renderer's own markup: a cached body, or an interdiff rendered by the same pipeline (src/site/interdiff-html.ts).
    assert.ok(rawHtml.every((expression) => expression === 'bodyHtml(mail.body)' || expression === 'interdiff.html'), `${name}: set:html ${rawHtml.join(', ')}`);
  }
});

test('the stylesheet defines a class for every depth the thread tree indents to', () => {
  const css = readFileSync(new URL('styles/series.css', src), 'utf8');
  for (let depth = 1; depth <= MAX_INDENT; depth++) assert.ok(css.includes(`.indent-${depth} { --indent: ${depth}; }`), String(depth));
  assert.match(readFileSync(new URL('components/ThreadTree.astro', src), 'utf8'), /indent-\$\{level\}/);
});
