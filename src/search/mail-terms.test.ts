import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBodyFile } from '../render/index.ts';
import { hunkContext, MAIL_TERM_LIMITS, plainTerms, treeTerms, type MailTerms } from './mail-terms.ts';

async function termsOf(text: string): Promise<MailTerms> {
  const { data } = await renderBodyFile({ text, inline: [] });
  return treeTerms(data.marked!);
}

const REPLY = `On Mon, 1 Jan 2024, Ada Author wrote:
> The quokka sleeps here.
> +static int pca963x_led_mc_set(struct led_classdev *led_cdev)

Zanzibar is my own text.

Reviewed-by: Lee Jones <lee@kernel.org>
`;

const PATCH = `Add multicolor support.

Signed-off-by: Ada Author <ada@example.org>
---
 drivers/leds/leds-pca963x.c | 2 ++
 1 file changed, 2 insertions(+)

diff --git a/drivers/leds/leds-pca963x.c b/drivers/leds/leds-pca963x.c
index 0123456..789abcd 100644
--- a/drivers/leds/leds-pca963x.c
+++ b/drivers/leds/leds-pca963x.c
@@ -237,6 +241,8 @@ static int pca963x_led_set(struct led_classdev *led_cdev)
 	return ret;
 }
+static int pca963x_led_mc_set(void)
+{}
-- 
2.43.0
`;

test('own text and quoted text are told apart as the renderer marks them; the attribution is quoted', async () => {
  const terms = await termsOf(REPLY);
  assert.ok(terms.b.includes('zanzibar') && terms.b.includes('lee@kernel.org') && terms.b.includes('reviewed-by'));
  assert.ok(!terms.b.includes('quokka') && !terms.b.includes('pca963x_led_mc_set'));
  assert.ok(terms.q.includes('quokka') && terms.q.includes('pca963x_led_mc_set') && terms.q.includes('wrote'));
  assert.deepEqual([terms.dfn, terms.dfhh], [[], []], 'a quoted diff changes no file of this mail');
});

test('a patch gives its files (with their folders and names), its hunk headers\' context and the words of its lines', async () => {
  const terms = await termsOf(PATCH);
  assert.deepEqual(terms.dfn, ['drivers/leds/leds-pca963x.c', 'drivers', 'leds', 'leds-pca963x.c', 'pca963x', 'c', 'drivers/leds']);
  assert.deepEqual(terms.dfhh, ['static', 'int', 'pca963x_led_set', 'pca963x', 'led', 'set', 'struct', 'led_classdev', 'classdev', 'led_cdev', 'cdev']);
  assert.ok(terms.b.includes('multicolor') && terms.b.includes('pca963x_led_mc_set') && terms.b.includes('ret'));
  assert.ok(!terms.b.includes('0123456..789abcd'), 'file headers are not text');
  assert.deepEqual(terms.q, []);
});

test('hunk context: after the ranges, merges too', () => {
  assert.equal(hunkContext('@@ -1,2 +1,3 @@ static int foo(void)'), 'static int foo(void)');
  assert.equal(hunkContext('@@@ -1,2 -1,2 +1,3 @@@ bar'), 'bar');
  assert.equal(hunkContext('@@ -1 +1 @@'), '');
  assert.equal(hunkContext('@ nothing'), '');
});

test('each kind of term is cut at its limit, keeping the first met', async () => {
  const many = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
  const terms = await termsOf(`${many}\n`);
  assert.equal(terms.b.length, MAIL_TERM_LIMITS.b);
  assert.equal(terms.b[0], 'word0');
  const plain = plainTerms({ text: `${many}\n> ${many}\n`, inline: [] });
  assert.equal(plain.b.length, MAIL_TERM_LIMITS.b);
  assert.equal(plain.q.length, MAIL_TERM_LIMITS.q);
  assert.deepEqual(plain.dfn, []);
});
