import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBody } from './index.ts';
import { resolveFileLinks } from './file-links.ts';

const PATCH = `leds: fix\n\n---\n drivers/leds/leds-a.c | 1 +\n drivers/leds/"b&c".c  | 1 -\n 2 files changed\n\ndiff --git a/drivers/leds/leds-a.c b/drivers/leds/leds-a.c\nindex 1111111..2222222 100644\n--- a/drivers/leds/leds-a.c\n+++ b/drivers/leds/leds-a.c\n@@ -1,1 +1,2 @@\n a\n+b\ndiff --git a/drivers/leds/"b&c".c b/drivers/leds/"b&c".c\nindex 1111111..2222222 100644\n--- a/drivers/leds/"b&c".c\n+++ b/drivers/leds/"b&c".c\n@@ -1,2 +1,1 @@\n a\n-b\n`;

test('links each file header and diffstat line to its file page, and only files that have one', async () => {
  const html = await renderBody({ text: PATCH, inline: [] });
  const pages = new Map([['drivers/leds/leds-a.c', '/f/drivers/leds/leds-a.c/'], ['drivers/leds/"b&c".c', '/f/x"y/']]);
  const linked = resolveFileLinks(html, (path) => pages.get(path));
  assert.equal(linked.match(/<a class="file-page" href="\/f\/drivers\/leds\/leds-a\.c\/"/g)?.length, 2);
  assert.match(linked, /<span class="line file"><a class="file-page" href="\/f\/drivers\/leds\/leds-a\.c\/">diff --git a\/drivers\/leds\/leds-a\.c b\/drivers\/leds\/leds-a\.c<\/a><\/span>/);
  // A path with markup characters is read back from the attribute and its link escaped.
  assert.equal(linked.match(/href="\/f\/x&quot;y\/"/g)?.length, 2);
  assert.equal(resolveFileLinks(html, () => undefined), html);
  // Text only changes inside the links: remove them and the body is as rendered.
  assert.equal(linked.replace(/<a class="file-page"[^>]*>⧉<\/a>/g, '').replace(/<a class="file-page"[^>]*>([^<]*)<\/a>/g, '$1'), html);
});
