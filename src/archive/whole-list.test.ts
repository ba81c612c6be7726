/**
 * The cases an audit of the whole linux-leds list found (issue 15), each built from a short
 * excerpt of the real mail: its subjects, Message-IDs, senders and dates as archived in
 * `../shared/corpus/lore-linux-leds/linux-leds.mbox.xz`, with bodies cut to what the case needs.
 * `bench/series-truth.ts` counts each of them over the whole list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seriesApi } from './api.ts';
import type { ReviewArchive } from './index.ts';
import { AS_SENT_VIEW, diff, reviewOf, type MailSpec } from './test-support.ts';

function chain(review: ReviewArchive, id: string): string[] {
  return review.versions.get(id)!.all.map((one) => one.id);
}

function patch(id: string, subject: string, from: string, date: string, file: string, extra: Partial<MailSpec> = {}): MailSpec {
  return { id, subject, from, date, body: `${subject.replace(/^\[[^\]]*\]\s*/, '')}\n\nSigned-off-by: ${from}\n${diff(file, id)}`, ...extra };
}

const sasha = 'Sasha Levin <sashal@kernel.org>';

describe('stable and AUTOSEL postings', () => {
  // AUTOSEL of one fix for five branches within two minutes, 2025-06-06.
  const branches: [string, string, string][] = [
    ['6.15', '16/21', '20250606154147.546388-16-sashal@kernel.org'],
    ['6.14', '15/19', '20250606154225.546969-15-sashal@kernel.org'],
    ['6.12', '11/15', '20250606154259.547394-11-sashal@kernel.org'],
    ['6.6', '9/13', '20250606154327.547792-9-sashal@kernel.org'],
    ['6.1', '7/9', '20250606154350.548104-7-sashal@kernel.org'],
  ];
  const autosel = branches.map(([branch, counter, id], index) =>
    patch(id, `[PATCH AUTOSEL ${branch} ${counter}] leds: multicolor: Fix intensity setting while SW blinking`, sasha, `2025-06-06T15:4${index}:00.000Z`, 'drivers/leds/led-class-multicolor.c'),
  );

  it('never chains backports to different branches as versions', () => {
    const review = reviewOf(autosel);
    for (const [, , id] of branches) assert.deepEqual(chain(review, id), [id]);
    assert.deepEqual(review.series.map((one) => one.stable).sort(), ['6.1', '6.12', '6.14', '6.15', '6.6']);
  });

  it('links a backport to its siblings on the other branches', () => {
    const review = reviewOf(autosel);
    const entry = seriesApi(review, AS_SENT_VIEW).find((one) => one.id === branches[0]![2])!;
    assert.equal(entry.stable, '6.15');
    assert.deepEqual(entry.stableSiblings.map((sibling) => sibling.stable), ['6.1', '6.6', '6.12', '6.14']);
  });

  it('keeps Greg’s review series for 5.14 and 5.10 apart', () => {
    const greg = 'Greg Kroah-Hartman <gregkh@linuxfoundation.org>';
    const review = reviewOf([
      { id: '20210913131113.390368911@linuxfoundation.org', subject: '[PATCH 5.14 000/334] 5.14.5-rc1 review', from: greg, date: '2021-09-13T13:11:00.000Z', body: 'This is the start of the stable review cycle for the 5.14.5 release.\n' },
      patch('20210913131115.1@linuxfoundation.org', '[PATCH 5.14 101/334] leds: trigger: audio: Add an activate callback to ensure the initial brightness is set', greg, '2021-09-13T13:12:00.000Z', 'drivers/leds/trigger/ledtrig-audio.c', { inReplyTo: '20210913131113.390368911@linuxfoundation.org', references: ['20210913131113.390368911@linuxfoundation.org'] }),
      { id: '20210913131047.974309396@linuxfoundation.org', subject: '[PATCH 5.10 000/236] 5.10.66-rc1 review', from: greg, date: '2021-09-13T13:30:00.000Z', body: 'This is the start of the stable review cycle for the 5.10.66 release.\n' },
      patch('20210913131049.1@linuxfoundation.org', '[PATCH 5.10 061/236] leds: trigger: audio: Add an activate callback to ensure the initial brightness is set', greg, '2021-09-13T13:31:00.000Z', 'drivers/leds/trigger/ledtrig-audio.c', { inReplyTo: '20210913131047.974309396@linuxfoundation.org', references: ['20210913131047.974309396@linuxfoundation.org'] }),
    ]);
    assert.deepEqual(chain(review, '20210913131047.974309396@linuxfoundation.org'), ['20210913131047.974309396@linuxfoundation.org']);
    assert.deepEqual(review.stableSiblings.get('20210913131047.974309396@linuxfoundation.org')?.map((one) => one.id), ['20210913131113.390368911@linuxfoundation.org']);
  });

  it('still links a backport re-sent for the same branches', () => {
    const tiffany = 'Tiffany Yang <ynaffit@google.com>';
    const review = reviewOf([
      patch('20251230212215.1613954-2-ynaffit@google.com', '[PATCH 5.10 5.15 6.1 6.6] leds: spi-byte: Initialize device node before access', tiffany, '2025-12-30T21:22:15.000Z', 'drivers/leds/leds-spi-byte.c'),
      patch('20251231004510.1732543-2-ynaffit@google.com', '[PATCH 5.10 5.15 6.1 6.6 RESEND] leds: spi-byte: Initialize device node before access', tiffany, '2025-12-31T00:45:10.000Z', 'drivers/leds/leds-spi-byte.c'),
    ]);
    assert.deepEqual(chain(review, '20251230212215.1613954-2-ynaffit@google.com'), ['20251230212215.1613954-2-ynaffit@google.com', '20251231004510.1732543-2-ynaffit@google.com']);
  });
});

describe('versions of the same work only', () => {
  it('keeps one author’s patches for two drivers apart (is31fl32xx and is31fl319x, August 2020)', () => {
    const grant = 'Grant Feng <von81@163.com>';
    const [a, b] = ['drivers/leds/leds-is31fl32xx.c', 'drivers/leds/leds-is31fl319x.c'];
    const review = reviewOf([
      patch('20200803102935.24364-1-von81@163.com', '[PATCH v1] leds: is31fl32xx: Add sdb pin and generate a 5ms low pulse when startup', grant, '2020-08-03T10:29:35.000Z', a),
      patch('20200806062130.25187-1-von81@163.com', '[PATCH 1/2] leds: is31fl319x: Add sdb pin and generate a 5ms low pulse when startup', grant, '2020-08-06T06:21:30.000Z', b),
      patch('20200808020439.20606-1-von81@163.com', '[PATCH v2 1/2] leds: is31fl32xx: Add sdb pin and generate a 5ms low pulse when startup', grant, '2020-08-08T02:04:39.000Z', a),
      patch('20200808033731.15695-1-von81@163.com', '[PATCH v2 1/2] leds: is31fl319x: Add sdb pin and generate a 5ms low pulse when startup', grant, '2020-08-08T03:37:31.000Z', b),
      patch('20200825080758.5283-1-von81@163.com', '[PATCH v3 1/2] leds: is31fl32xx: Add shutdown pin and generate a 5ms low pulse when startup', grant, '2020-08-25T08:07:58.000Z', a),
      patch('20200825082206.26575-1-von81@163.com', '[PATCH v3 1/2] leds: is31fl319x: Add shutdown pin and generate a 5ms low pulse when startup', grant, '2020-08-25T08:22:06.000Z', b),
    ]);
    assert.deepEqual(chain(review, '20200803102935.24364-1-von81@163.com'), ['20200803102935.24364-1-von81@163.com', '20200808020439.20606-1-von81@163.com', '20200825080758.5283-1-von81@163.com']);
    assert.deepEqual(chain(review, '20200806062130.25187-1-von81@163.com'), ['20200806062130.25187-1-von81@163.com', '20200808033731.15695-1-von81@163.com', '20200825082206.26575-1-von81@163.com']);
  });

  it('does not join two chips whose titles differ only in the part number (BD71828, BD72720)', () => {
    const matti = 'Matti Vaittinen <matti.vaittinen@fi.rohmeurope.com>';
    const review = reviewOf([
      { id: 'cover.1579511114.git.matti.vaittinen@fi.rohmeurope.com', subject: '[PATCH v12 00/10] Support ROHM BD71828 PMIC', from: matti, date: '2020-01-20T09:12:00.000Z', body: 'Cover.\n' },
      { id: 'cover.1765804226.git.mazziesaccount@gmail.com', subject: '[PATCH RESEND v13 00/17] Support ROHM BD72720 PMIC', from: matti, date: '2025-12-15T13:16:00.000Z', body: 'Cover.\n' },
    ]);
    assert.deepEqual(chain(review, 'cover.1765804226.git.mazziesaccount@gmail.com'), ['cover.1765804226.git.mazziesaccount@gmail.com']);
  });

  it('never takes pieces of one git send-email run for versions (Corentin Labbe, 2022-10-28)', () => {
    const corentin = 'Corentin Labbe <clabbe@baylibre.com>';
    const review = reviewOf([
      patch('20221028064141.2171405-1-clabbe@baylibre.com', '[PATCH v3 1/2] dt-bindings: leds: common: add disk write/read and usb-host/usb-gadget', corentin, '2022-10-28T06:41:41.000Z', 'include/dt-bindings/leds/common.h'),
      patch('20221028064141.2171405-2-clabbe@baylibre.com', '[PATCH v4 2/2] leds: remove ide-disk trigger', corentin, '2022-10-28T06:41:42.000Z', 'include/dt-bindings/leds/common.h'),
    ]);
    assert.equal(review.series.length, 2);
    assert.deepEqual(chain(review, '20221028064141.2171405-2-clabbe@baylibre.com'), ['20221028064141.2171405-2-clabbe@baylibre.com']);
  });

  it('does not take a copy sent again minutes later for a version (Bevan Weiss, 2026-03-08)', () => {
    const bevan = 'Bevan Weiss <bevan.weiss@gmail.com>';
    const review = reviewOf([
      patch('20260308015604.2318336-1-bevan.weiss@gmail.com', '[PATCH v2] leds: syscon: Add tristate option', bevan, '2026-03-08T01:56:04.000Z', 'drivers/leds/Kconfig'),
      patch('20260308015824.2318366-1-bevan.weiss@gmail.com', '[PATCH v2] leds: syscon: Add tristate option', bevan, '2026-03-08T01:58:24.000Z', 'drivers/leds/Kconfig'),
    ]);
    assert.deepEqual(chain(review, '20260308015604.2318336-1-bevan.weiss@gmail.com'), ['20260308015604.2318336-1-bevan.weiss@gmail.com']);
  });

  it('links a RESEND whose subject names no version to the v2 it resends, keeping its own version', () => {
    const sven = 'Sven Schwermer <sven@svenschwermer.de>';
    const file = 'drivers/leds/led-class-multicolor.c';
    const review = reviewOf([
      patch('20220518195402.256120-1-sven@svenschwermer.de', '[PATCH v2] led: multicolor: Fix intensity setting while SW blinking', sven, '2022-05-18T19:54:02.000Z', file),
      patch('20220601063735.123863-1-sven@svenschwermer.de', '[PATCH resend] led: multicolor: Fix intensity setting while SW blinking', sven, '2022-06-01T06:37:35.000Z', file),
    ]);
    const resend = review.seriesById.get('20220601063735.123863-1-sven@svenschwermer.de')!;
    assert.equal(resend.version, 1);
    assert.equal(review.versions.get(resend.id)?.previous?.id, '20220518195402.256120-1-sven@svenschwermer.de');
  });

  it('lets a patch of v5 sent alone first give way to the whole v5 (Luka Kovacic, iEi WT61P803, October 2020)', () => {
    const luka = 'Luka Kovacic <luka.kovacic@sartura.hr>';
    const cover = (id: string, version: number, date: string): MailSpec => ({ id, subject: `[PATCH v${version} 0/6] Add support for the iEi WT61P803 PUZZLE MCU`, from: luka, date, body: 'Cover.\n' });
    const member = (id: string, cover: string, version: number, date: string): MailSpec =>
      patch(id, `[PATCH v${version} 3/6] drivers: leds: Add the iEi WT61P803 PUZZLE LED driver`, luka, date, 'drivers/leds/leds-iei-wt61p803-puzzle.c', { inReplyTo: cover, references: [cover] });
    const review = reviewOf([
      cover('20201007004901.39859-1-luka.kovacic@sartura.hr', 4, '2020-10-07T00:48:00.000Z'),
      member('20201007004901.39859-4-luka.kovacic@sartura.hr', '20201007004901.39859-1-luka.kovacic@sartura.hr', 4, '2020-10-07T00:48:03.000Z'),
      // One patch of v5, sent on its own three days before the whole v5.
      patch('20201010000644.36220-1-luka.kovacic@sartura.hr', '[PATCH v5 3/7] drivers: leds: Add the iEi WT61P803 PUZZLE LED driver', luka, '2020-10-10T00:06:44.000Z', 'drivers/leds/leds-iei-wt61p803-puzzle.c'),
      cover('20201017211035.257110-1-luka.kovacic@sartura.hr', 5, '2020-10-17T21:10:35.000Z'),
      member('20201017211035.257110-4-luka.kovacic@sartura.hr', '20201017211035.257110-1-luka.kovacic@sartura.hr', 5, '2020-10-17T21:10:38.000Z'),
    ]);
    assert.equal(review.versions.get('20201007004901.39859-1-luka.kovacic@sartura.hr')?.next?.id, '20201017211035.257110-1-luka.kovacic@sartura.hr');
  });

  it('links versions of one author sent through b4’s web relay and directly (Markus Probst, Synology Microp)', () => {
    const relay = 'Markus Probst via B4 Relay <devnull+markus.probst.posteo.de@kernel.org>';
    const direct = 'Markus Probst <markus.probst@posteo.de>';
    const review = reviewOf([
      { id: '20260411-synology_microp_initial-v7-0-9a3a094e763a@posteo.de', subject: '[PATCH v7 0/2] Introduce Synology Microp driver', from: relay, date: '2026-04-11T15:27:00.000Z', body: 'Cover.\n' },
      patch('20260411-synology_microp_initial-v7-1-9a3a094e763a@posteo.de', '[PATCH v7 1/2] leds: add synology microp driver', relay, '2026-04-11T15:27:01.000Z', 'drivers/leds/leds-synology-microp.c', { inReplyTo: '20260411-synology_microp_initial-v7-0-9a3a094e763a@posteo.de', body: `From: ${direct}\n\nleds: add synology microp driver\n${diff('drivers/leds/leds-synology-microp.c')}` }),
      { id: '20260420-synology_microp_initial-v8-0-7946a9124491@posteo.de', subject: '[PATCH v8 0/2] Introduce Synology Microp driver', from: direct, date: '2026-04-20T14:24:00.000Z', body: 'Cover.\n' },
    ]);
    const v7 = review.seriesById.get('20260411-synology_microp_initial-v7-0-9a3a094e763a@posteo.de')!;
    assert.deepEqual(v7.author, { name: 'Markus Probst', email: 'markus.probst@posteo.de' });
    assert.equal(review.versions.get(v7.id)?.next?.id, '20260420-synology_microp_initial-v8-0-7946a9124491@posteo.de');
  });
});

describe('people', () => {
  it('names the real author of a relayed series, from the body’s first From: line (André Apitzsch, sy7802 v5)', () => {
    const relay = 'André Apitzsch via B4 Relay <devnull+git.apitzsch.eu@kernel.org>';
    const review = reviewOf([
      { id: '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu', subject: '[PATCH v5 0/3] Add sy7802 flash led driver', from: relay, date: '2024-06-24T21:25:00.000Z', body: 'This series introduces a driver for the Silergy SY7802 charge pump.\n' },
      patch('20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu', '[PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash LED controller', relay, '2024-06-24T21:25:02.000Z', 'drivers/leds/flash/leds-sy7802.c', {
        inReplyTo: '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu',
        references: ['20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu'],
        body: `From: André Apitzsch <git@apitzsch.eu>\n\nAdd support for SY7802.\n\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\n${diff('drivers/leds/flash/leds-sy7802.c')}`,
      }),
    ]);
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    assert.deepEqual(entry!.author, { name: 'André Apitzsch', email: 'git@apitzsch.eu' });
    assert.equal(entry!.authorName, 'André Apitzsch');
  });

  it('shows a bare address as the author’s name (Christian Mauderer, 2019)', () => {
    const review = reviewOf([patch('20190505125242.10298-1-oss@c-mauderer.de', '[PATCH v2 1/2] dt-bindings: leds: Add binding for spi-byte LED.', '<oss@c-mauderer.de>', '2019-05-05T12:52:42.000Z', 'Documentation/devicetree/bindings/leds/leds-spi-byte.txt')]);
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    assert.equal(entry!.author.name, '');
    assert.equal(entry!.authorName, 'oss@c-mauderer.de');
  });

  it('counts addresses that differ only in case as one reviewer', () => {
    const review = reviewOf([
      patch('p1', '[PATCH] iio: light: add a thing', 'Alice <alice@example.org>', '2024-01-01T00:00:00.000Z', 'drivers/iio/light/thing.c'),
      { id: 'r1', subject: 'Re: [PATCH] iio: light: add a thing', from: 'Jonathan Cameron <Jonathan.Cameron@huawei.com>', inReplyTo: 'p1', references: ['p1'], body: 'Reviewed-by: Jonathan Cameron <Jonathan.Cameron@huawei.com>\n' },
      { id: 'r2', subject: 'Re: [PATCH] iio: light: add a thing', from: 'Jonathan Cameron <jonathan.cameron@huawei.com>', inReplyTo: 'p1', references: ['p1'], body: 'Reviewed-by: Jonathan Cameron <jonathan.cameron@huawei.com>\n' },
    ]);
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    assert.equal(entry!.trailers.p1!.reviewedBy.length, 1);
  });
});

describe('threads', () => {
  it('roots a Yahoo mail whose References name its own `.ref` id at itself (Mieczyslaw Nalewaj, 2025-11-23)', () => {
    const yahoo = '1348915776.459857.1763933207303@mail.yahoo.com';
    const review = reviewOf([
      patch(yahoo, '[PATCH 1/2] leds: accept trigger parameters in "trigger:params" format', 'Mieczyslaw Nalewaj <namiltd@yahoo.com>', '2025-11-23T21:26:47.000Z', 'drivers/leds/led-triggers.c', { references: ['1348915776.459857.1763933207303.ref@mail.yahoo.com'] }),
      { id: 'aSRo7s5S/jZY5Tbu@duo.ucw.cz', subject: 'Re: [PATCH 1/2] leds: accept trigger parameters in "trigger:params" format', from: 'Pavel Machek <pavel@ucw.cz>', date: '2025-11-24T14:22:00.000Z', inReplyTo: yahoo, references: ['1348915776.459857.1763933207303.ref@mail.yahoo.com', yahoo], body: 'Hi!\n' },
    ]);
    assert.equal(review.threads.length, 1);
    assert.equal(review.threads[0]!.root.id, yahoo);
    assert.equal(review.nodes.get('aSRo7s5S/jZY5Tbu@duo.ucw.cz')!.parent?.id, yahoo);
  });

  it('roots a mail whose headers name itself at itself', () => {
    const id = '8aa9dfc5-5e77-48af-b2f4-f1964d20d6d1@kernel.org';
    const review = reviewOf([{ id, subject: 'Re: [PATCH 2/2] leds: led-class: Add devicetree support to led_get()', inReplyTo: id, references: [id], body: 'Hi\n' }]);
    assert.equal(review.threads[0]!.root.id, id);
    assert.equal(review.nodes.size, 1);
  });

  it('reads an id that differs from an archived one only in case as that mail', () => {
    const review = reviewOf([
      { id: 'CAL_Jsq+abc@mail.gmail.com', subject: 'question' },
      { id: 'reply@x', subject: 'Re: question', inReplyTo: 'cal_jsq+abc@mail.gmail.com', references: ['cal_jsq+abc@mail.gmail.com'] },
    ]);
    assert.equal(review.nodes.get('reply@x')!.parent?.id, 'CAL_Jsq+abc@mail.gmail.com');
  });
});

describe('grouping', () => {
  const manuel = 'Manuel Fombuena <fombuena@outlook.com>';
  const cover = 'CWLP123MB54730097DE29F13197077965C51B2@CWLP123MB5473.GBRP123.PROD.OUTLOOK.COM';
  const sentAs = '20250117234034.670794-1-fombuena@outlook.com';

  it('joins patches to a cover letter whose Message-ID Outlook rewrote (LED1202 fixes, 2025-01-17)', () => {
    const review = reviewOf([
      { id: cover, subject: '[PATCH 0/5] LED1202 / leds-st1202 fixes and improvements', from: manuel, date: '2025-01-17T23:40:20.000Z', body: 'Cover.\n' },
      ...[1, 2, 3, 4, 5].map((number) =>
        patch(`CWLP123MB5473PATCH${number}@CWLP123MB5473.GBRP123.PROD.OUTLOOK.COM`, `[PATCH ${number}/5] leds: leds-st1202: fix ${number}`, manuel, `2025-01-17T23:40:2${number}.000Z`, 'drivers/leds/leds-st1202.c', { inReplyTo: sentAs, references: [sentAs] }),
      ),
    ]);
    assert.equal(review.series.length, 1);
    assert.equal(review.series[0]!.cover?.node?.id, cover);
    assert.equal(review.series[0]!.patches.filter((slot) => slot.node?.message).length, 5);
  });

  it('prefers the patch threaded under its cover letter to a stray earlier send of it', () => {
    const alice = 'Alice <alice@example.org>';
    const review = reviewOf([
      patch('stray-2', '[PATCH 2/3] leds: foo: second', alice, '2024-01-01T10:00:00.000Z', 'drivers/leds/leds-foo.c'),
      { id: 'cover', subject: '[PATCH 0/3] leds: foo', from: alice, date: '2024-01-01T10:05:00.000Z', body: 'Cover.\n' },
      ...[1, 2, 3].map((number) =>
        patch(`p${number}`, `[PATCH ${number}/3] leds: foo: ${['first', 'second', 'third'][number - 1]}`, alice, `2024-01-01T10:05:0${number}.000Z`, 'drivers/leds/leds-foo.c', { inReplyTo: 'cover', references: ['cover'] }),
      ),
    ]);
    const series = review.seriesById.get('cover')!;
    assert.deepEqual(series.patches.map((slot) => slot.node?.id), ['p1', 'p2', 'p3']);
    assert.ok(review.seriesById.has('stray-2'));
  });

  it('keeps a series whole when its cover letter says 0/5 and its patches k/6, at the patches’ total and version', () => {
    const alice = 'Alice <alice@example.org>';
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH v2 0/5] leds: foo', from: alice, body: 'Cover.\n' },
      ...[1, 2, 3, 4, 5, 6].map((number) => patch(`p${number}`, `[PATCH v3 ${number}/6] leds: foo: part ${number}`, alice, undefined as unknown as string, 'drivers/leds/leds-foo.c', { inReplyTo: 'cover', references: ['cover'], date: undefined })),
    ]);
    assert.equal(review.series.length, 1);
    assert.equal(review.series[0]!.total, 6);
    assert.equal(review.series[0]!.version, 3);
  });
});

describe('scoped review', () => {
  const alice = 'Alice <alice@example.org>';
  const titles = ['dt-bindings: mfd: add the chip', 'mfd: add the chip', 'hwmon: add the chip', 'watchdog: add the chip', 'leds: add the chip'];
  const files = ['Documentation/devicetree/bindings/mfd/chip.yaml', 'drivers/mfd/chip.c', 'drivers/hwmon/chip.c', 'drivers/watchdog/chip.c', 'drivers/leds/leds-chip.c'];
  const series = (reply: string): MailSpec[] => [
    { id: 'cover', subject: '[PATCH 0/5] Support the chip', from: alice, body: 'Cover.\n' },
    ...titles.map((title, index) => patch(`p${index + 1}`, `[PATCH ${index + 1}/5] ${title}`, alice, undefined as unknown as string, files[index]!, { inReplyTo: 'cover', references: ['cover'], date: undefined })),
    { id: 'ack', subject: 'Re: [PATCH 0/5] Support the chip', from: 'Guenter Roeck <linux@roeck-us.net>', inReplyTo: 'cover', references: ['cover'], body: reply },
  ];

  it('applies an ack for "the hwmon and watchdog patches" to those only, and says so', () => {
    const review = reviewOf(series('Looks good.\n\nFor the hwmon and watchdog patches:\n\nAcked-by: Guenter Roeck <linux@roeck-us.net>\n'));
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    assert.deepEqual(entry!.trailers.p3!.ackedBy, [{ name: 'Guenter Roeck', email: 'linux@roeck-us.net' }]);
    assert.deepEqual(entry!.trailers.p2!.ackedBy, []);
    const ack = entry!.review.find((trailer) => trailer.kind === 'acked')!;
    assert.deepEqual({ origin: ack.origin, patches: ack.patches, scope: ack.scope, message: ack.message }, { origin: 'cover', patches: [3, 4], scope: 'the hwmon and watchdog patches', message: 'ack' });
  });

  it('applies an ack "for 5/8 and 6/8"-style numbers to those patches', () => {
    const review = reviewOf(series('Acked-by: Guenter Roeck <linux@roeck-us.net> for 1/5 and 5/5\n'));
    const ack = seriesApi(review, AS_SENT_VIEW)[0]!.review.find((trailer) => trailer.kind === 'acked')!;
    assert.deepEqual(ack.patches, [1, 5]);
  });

  it('applies an ack for the DT patches to the dt-bindings one', () => {
    const review = reviewOf(series('For the DT patches:\nAcked-by: Guenter Roeck <linux@roeck-us.net>\n'));
    assert.deepEqual(seriesApi(review, AS_SENT_VIEW)[0]!.review.find((trailer) => trailer.kind === 'acked')!.patches, [1]);
  });

  it('applies an ack without a scope to the whole series, and tells carried trailers from given ones', () => {
    const specs = series('Acked-by: Guenter Roeck <linux@roeck-us.net>\n');
    specs[1]!.body = `dt-bindings: mfd: add the chip\n\nReviewed-by: Rob Herring <robh@kernel.org>\nSigned-off-by: ${alice}\n${diff(files[0])}`;
    const [entry] = seriesApi(reviewOf(specs), AS_SENT_VIEW);
    const ack = entry!.review.find((trailer) => trailer.kind === 'acked')!;
    assert.deepEqual([ack.patches, ack.scope], [[1, 2, 3, 4, 5], null]);
    const carried = entry!.review.find((trailer) => trailer.kind === 'reviewed')!;
    assert.deepEqual({ origin: carried.origin, patches: carried.patches, message: carried.message }, { origin: 'carried', patches: [1], message: 'p1' });
  });
});
