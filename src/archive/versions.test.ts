import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ReviewArchive } from './index.ts';
import type { Series } from './series.ts';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from './test-support.ts';
import { compareVersions } from './versions.ts';

const alice = 'Alice Author <alice@example.org>';

function series(id: string, subject: string, patches: [string, string][], extra: Partial<MailSpec> = {}): MailSpec[] {
  const cover: MailSpec = { id, subject, from: alice, body: extra.body ?? 'Cover.\n', ...extra };
  const total = patches.length;
  const version = /v(\d+)/.exec(subject)?.[1];
  const prefix = version ? `[PATCH v${version}` : '[PATCH';
  return [
    cover,
    ...patches.map(([title, line], index): MailSpec => ({
      id: `${id}-${index + 1}`,
      subject: `${prefix} ${index + 1}/${total}] ${title}`,
      from: extra.from ?? alice,
      date: extra.date ?? undefined,
      inReplyTo: id,
      references: [id],
      body: `${title}\n\nSigned-off-by: ${alice}\n${diff(`f${index}.c`, line)}`,
    })),
  ];
}

function chain(review: ReviewArchive, id: string): string[] {
  return review.versions.get(id)!.all.map((one) => one.id);
}

describe('linkVersions on small input', () => {
  it('links versions by author and title, skipping versions never archived', () => {
    const review = reviewOf([
      ...series('v1', '[PATCH 0/1] leds: add a driver', [['leds: add driver', 'a']], { date: '2024-01-01T00:00:00.000Z' }),
      ...series('v3', '[PATCH v3 0/1] leds: add a driver v3', [['leds: add driver', 'b']], { date: '2024-02-01T00:00:00.000Z' }),
      ...series('other', '[PATCH v2 0/1] net: something else entirely', [['net: else', 'c']], { date: '2024-01-15T00:00:00.000Z' }),
    ]);
    assert.deepEqual(chain(review, 'v1'), ['v1', 'v3']);
    assert.equal(review.versions.get('v3')?.previous?.id, 'v1');
    assert.deepEqual(chain(review, 'other'), ['other']);
  });

  it('does not link another author’s series with the same title, unless it takes the series over', () => {
    const review = reviewOf([
      ...series('mine', '[PATCH 0/1] leds: add a driver', [['leds: add driver', 'a']], { date: '2024-01-01T00:00:00.000Z' }),
      // The same version: their own work under a common title.
      ...series('theirs', '[PATCH 0/1] leds: add a driver', [['leds: add driver', 'a']], { date: '2024-01-02T00:00:00.000Z', from: 'Bob <bob@example.org>' }),
      // A higher version, but none of its patches.
      ...series('other', '[PATCH v2 0/1] leds: add a driver', [['leds: other driver', 'b']], { date: '2024-01-03T00:00:00.000Z', from: 'Carol <carol@example.org>' }),
    ]);
    assert.deepEqual(chain(review, 'mine'), ['mine']);
    // linux-leds: v7 of "Add support for the IEI WT61P803 PUZZLE MCU" by Luka Kovacic, v8 by Pavo Banicevic, v9 by Luka again.
    const puzzle = (id: string, version: number, from: string, date: string) =>
      series(id, `[PATCH v${version} 0/2] Add support for the IEI WT61P803 PUZZLE MCU`, [['mfd: iei-wt61p803-puzzle: Add the MCU driver', id], ['leds: iei-wt61p803-puzzle: Add LED support', id]], { from, date });
    const takeover = reviewOf([
      ...puzzle('v7', 7, alice, '2020-10-25T00:59:00.000Z'),
      ...puzzle('v8', 8, 'Bob Colleague <bob@example.org>', '2021-07-05T13:49:00.000Z'),
      ...puzzle('v9', 9, alice, '2021-08-24T12:44:00.000Z'),
    ]);
    assert.deepEqual(chain(takeover, 'v7'), ['v7', 'v8', 'v9']);
  });

  it('links by change-id even when the title changed', () => {
    const review = reviewOf([
      ...series('old', '[PATCH 0/1] first title', [['a: one', 'a']], { date: '2024-01-01T00:00:00.000Z', body: 'Cover.\n\n---\nchange-id: 20240101-thing-0123456789ab\n' }),
      ...series('new', '[PATCH v2 0/1] a better title', [['b: two', 'b']], { date: '2024-01-08T00:00:00.000Z', body: 'Cover.\n\n---\nchange-id: 20240101-thing-0123456789ab\n' }),
    ]);
    assert.deepEqual(chain(review, 'old'), ['old', 'new']);
  });

  it('links a new version sent in reply to the old one, whatever its title', () => {
    const review = reviewOf([
      ...series('old', '[PATCH 0/1] first title', [['a: one', 'a']]),
      { id: 'new', subject: '[PATCH v2] completely renamed', from: alice, inReplyTo: 'old-1', references: ['old', 'old-1'], body: `x\n${diff()}` },
    ]);
    assert.deepEqual(chain(review, 'old'), ['old', 'new']);
  });

  it('gives each version one next version', () => {
    const review = reviewOf([
      ...series('v1', '[PATCH 0/1] leds: add a driver', [['leds: add driver', 'a']], { date: '2024-01-01T00:00:00.000Z' }),
      ...series('v2', '[PATCH v2 0/1] leds: add a driver', [['leds: add driver', 'b']], { date: '2024-01-02T00:00:00.000Z' }),
      ...series('v2again', '[PATCH RESEND v2 0/1] leds: add a driver', [['leds: add driver', 'b']], { date: '2024-01-09T00:00:00.000Z' }),
      ...series('v3', '[PATCH v3 0/1] leds: add a driver', [['leds: add driver', 'c']], { date: '2024-01-20T00:00:00.000Z' }),
    ]);
    assert.deepEqual(chain(review, 'v1'), ['v1', 'v2', 'v2again', 'v3']);
  });
});

describe('linkVersions: links a changelog names, resends, pieces', () => {
  const bob = 'Bob Colleague <bob@example.org>';
  const v2 = '20250924-knp-pmic-peri-v2-0-32316039db2f@example.org';

  it('links a version whose changelog names the one before as that version, whoever sends it', () => {
    // A series taken over by a colleague, who kept b4's changelog (linux-leds, Kaanapali PMIC, v2 → v3).
    const review = reviewOf([
      ...series(v2, '[PATCH v2 0/1] dt-bindings: leds: Add bindings for Kaanapali PMIC peripherals', [['dt-bindings: leds: add it', 'a']], { date: '2025-09-24T23:43:00.000Z' }),
      ...series('v3@example.org', '[PATCH v3 0/1] dt-bindings: leds: Add bindings for Kaanapali PMIC peripherals', [['dt-bindings: leds: add it', 'b']], {
        date: '2025-12-15T11:11:00.000Z',
        from: bob,
        body: `Cover.\n\nChanges in v3:\n- Rebased.\n- Link to v2: https://lore.kernel.org/r/${v2}\n`,
      }),
    ]);
    assert.deepEqual(chain(review, v2), [v2, 'v3@example.org']);
  });

  it('does not link what a mail names without a label, nor under another version', () => {
    const review = reviewOf([
      ...series(v2, '[PATCH v2 0/1] leds: add a driver', [['leds: add driver', 'a']], { date: '2025-09-24T23:43:00.000Z' }),
      ...series('dep@example.org', '[PATCH v3 0/1] leds: another thing', [['leds: another', 'b']], {
        date: '2025-12-15T11:11:00.000Z',
        from: bob,
        body: `Cover.\n\nThis depends on https://lore.kernel.org/r/${v2}\n`,
      }),
      ...series('label@example.org', '[PATCH v5 0/1] leds: a third thing', [['leds: third', 'c']], {
        date: '2025-12-16T11:11:00.000Z',
        from: bob,
        body: `Cover.\n\n- Link to v4: https://lore.kernel.org/r/${v2}\n`,
      }),
    ]);
    assert.deepEqual(chain(review, v2), [v2]);
  });

  it('links a RESEND of the patches of a version not applied yet, under a reworded title', () => {
    // linux-leds: [RESEND PATCH v17 00/17] Multi Color LED Framework, after [PATCH v17 00/19] Multicolor Framework.
    const patches: [string, string][] = [
      ['leds: multicolor: Introduce a multicolor class definition', 'a'],
      ['leds: lp50xx: Add the LP50XX family of the RGB LED driver', 'b'],
      ['leds: lp55xx-common: Remove extern from lp55xx-common header', 'c'],
    ];
    const review = reviewOf([
      ...series('v17', '[PATCH v17 0/3] Multicolor Framework', patches, { date: '2019-11-14T13:30:00.000Z' }),
      ...series('resend', '[RESEND PATCH v17 0/2] Multi Color LED Framework', patches.slice(0, 2), { date: '2020-01-27T15:00:00.000Z' }),
      // Not a resend of either: one patch of theirs, one new.
      ...series('other', '[RESEND PATCH v17 0/2] Multicolor Framework fixes', [patches[0]!, ['leds: something new', 'd']], { date: '2020-01-28T15:00:00.000Z' }),
    ]);
    assert.equal(review.versions.get('resend')?.previous?.id, 'v17');
    assert.equal(review.versions.get('other')?.previous?.id, undefined);
  });

  it('gives a piece sent first way to the whole next version of the same patches under a mistyped title', () => {
    // linux-leds: v3 "Multicolor Framework update", then two of its patches alone as v4, then v4 "Multicolor Framwork".
    const patches: [string, string][] = [
      ['leds: multicolor: Add sysfs interface definition', 'a'],
      ['documention: leds: Add multicolor class documentation', 'b'],
      ['leds: multicolor: Introduce a multicolor class definition', 'c'],
    ];
    const piece: MailSpec[] = patches.slice(0, 2).map(([title, line], index) => ({
      id: `piece-${index + 1}`,
      subject: `[PATCH v4 ${index + 1}/2] ${title}`,
      from: alice,
      date: '2019-05-30T18:16:00.000Z',
      inReplyTo: index === 0 ? null : 'piece-1',
      references: index === 0 ? [] : ['piece-1'],
      body: `${title}\n\nSigned-off-by: ${alice}\n${diff(`f${index}.c`, line + 'x')}`,
    }));
    const review = reviewOf([
      ...series('v3', '[PATCH v3 0/3] Multicolor Framework update', patches, { date: '2019-05-23T19:08:00.000Z' }),
      ...piece,
      ...series('v4', '[PATCH v4 0/3] Multicolor Framwork', patches, { date: '2019-07-25T18:28:00.000Z' }),
    ]);
    assert.equal(review.versions.get('v4')?.previous?.id, 'v3');
  });
});

describe('linkVersions: a re-roll under a reworded title, by its words', () => {
  // linux-leds: [PATCH] leds: Delete GPIO LED trigger, then [PATCH v2] leds: Mark GPIO LED trigger broken, the same day.
  const message = `The GPIO LED trigger exposes a userspace ABI where a user
can echo a GPIO number from the global GPIO numberspace into
a file that will trigger a certain LED when active.

This is problematic because the global GPIO numberspace is
inherently instable. The trigger came about at a time when
systems had one GPIO controller that defined hard-wired
GPIOs numbered 0..N and this number space was stable.`;
  const patch = (id: string, subject: string, body: string, file: string, date: string): MailSpec => ({
    id,
    subject,
    from: alice,
    date,
    body: `${body}\n\nSigned-off-by: ${alice}\n${diff(file, id)}`,
  });

  it('links it when its commit message keeps the words, even with no file in common', () => {
    const review = reviewOf([
      patch('v1', '[PATCH] leds: Delete GPIO LED trigger', message, 'drivers/leds/trigger/ledtrig-gpio.c', '2023-03-14T11:59:00.000Z'),
      patch('v2', '[PATCH v2] leds: Mark GPIO LED trigger broken', `${message}\n\nSo mark it broken instead of deleting it outright.`, 'drivers/leds/trigger/Kconfig', '2023-03-14T21:00:00.000Z'),
    ]);
    assert.deepEqual(chain(review, 'v1'), ['v1', 'v2']);
  });

  it('links a RESEND under a retouched title, months later, by its title or its words', () => {
    // linux-leds: [RFC PATCH] leds: lp55xx: led-cur property is not properly used in case of multi-led (2024-09),
    // then [RFC PATCH RESEND] leds: lp55xx: led-cur property is not properly applied to multi-led (2025-05).
    const review = reviewOf([
      patch('rfc', '[RFC PATCH] leds: lp55xx: led-cur property is not properly used in case of multi-led', message, 'drivers/leds/leds-lp55xx-common.c', '2024-09-03T14:31:00.000Z'),
      patch('resend', '[RFC PATCH RESEND] leds: lp55xx: led-cur property is not properly applied to multi-led', message, 'drivers/leds/leds-lp55xx-common.c', '2025-05-23T09:31:00.000Z'),
      patch('words', '[PATCH RESEND] leds: Mark GPIO LED trigger broken', message, 'drivers/leds/trigger/Kconfig', '2025-06-23T09:31:00.000Z'),
    ]);
    assert.deepEqual(chain(review, 'rfc'), ['rfc', 'resend', 'words']);
  });

  it('gives a link made by words alone way to a later series of stronger evidence', () => {
    const review = reviewOf([
      patch('v1', '[PATCH] leds: Delete GPIO LED trigger', message, 'drivers/leds/trigger/ledtrig-gpio.c', '2023-03-14T11:59:00.000Z'),
      // With a cover letter, so not a piece that gives way to the rest of its version.
      { id: 'words', subject: '[PATCH v2 0/1] leds: Mark GPIO LED trigger broken', from: alice, date: '2023-03-14T21:00:00.000Z', body: `${message}\n` },
      { ...patch('words-1', '[PATCH v2 1/1] leds: Mark GPIO LED trigger broken', message, 'drivers/leds/trigger/Kconfig', '2023-03-14T21:00:01.000Z'), inReplyTo: 'words', references: ['words'] },
      patch('title', '[PATCH v2] leds: Delete GPIO LED trigger', `${message}\n\nNow with the Kconfig entry gone too.`, 'drivers/leds/trigger/ledtrig-gpio.c', '2023-03-20T10:00:00.000Z'),
    ]);
    assert.deepEqual(chain(review, 'v1'), ['v1', 'title']);
    assert.equal(review.versions.get('words')?.previous ?? null, null);
  });

  it('does not link other work under another title, nor a one-line message many patches repeat', () => {
    const review = reviewOf([
      patch('v1', '[PATCH] leds: Delete GPIO LED trigger', message, 'drivers/leds/trigger/ledtrig-gpio.c', '2023-03-14T11:59:00.000Z'),
      patch('other', '[PATCH v2] leds: pwm: Disable PWM when going to suspend', 'Disabling the PWM when going to suspend saves power on boards where the\nregulator stays on, and the LED core sets the brightness again on resume.', 'drivers/leds/trigger/ledtrig-gpio.c', '2023-03-15T11:59:00.000Z'),
      patch('lm3533', '[PATCH -next] leds: leds-lm3533: convert comma to semicolon', 'Replace a comma between expression statements by a semicolon.', 'drivers/leds/leds-lm3533.c', '2020-12-16T13:16:00.000Z'),
      patch('lm3642', '[PATCH v2 -next] leds: convert comma to semicolon', 'Replace a comma between expression statements by a semicolon.', 'drivers/leds/leds-lm3642.c', '2021-01-08T09:24:00.000Z'),
    ]);
    assert.deepEqual(chain(review, 'v1'), ['v1']);
    assert.deepEqual(chain(review, 'lm3533'), ['lm3533']);
  });
});

describe('compareVersions on small input', () => {
  it('tells unchanged, changed, new, dropped and unknown patches apart', () => {
    const review = reviewOf([
      ...series('old', '[PATCH 0/3] leds: things', [['leds: keep', 'same'], ['leds: edit', 'before'], ['leds: drop', 'gone']], { date: '2024-01-01T00:00:00.000Z' }),
      ...series('new', '[PATCH v2 0/3] leds: things', [['leds: keep', 'same'], ['leds: edit', 'after'], ['leds: add', 'fresh']], { date: '2024-01-02T00:00:00.000Z' }),
    ]);
    const [older, newer] = [review.seriesById.get('old')!, review.seriesById.get('new')!];
    assert.deepEqual(
      compareVersions(older, newer, review.facts).map(({ change, older, newer, title }) => [change, older?.number ?? null, newer?.number ?? null, title]),
      [
        ['unchanged', 1, 1, 'leds: keep'],
        ['changed', 2, 2, 'leds: edit'],
        ['new', null, 3, 'leds: add'],
        ['dropped', 3, null, 'leds: drop'],
      ],
    );
  });

  it('says unknown for patches a partial re-roll left out', async () => {
    const review = await reviewOfCorpus('b4/trailers-followup-partial-reroll.mbox');
    const v2 = review.series.find((one) => one.version === 2)!;
    const v3 = review.series.find((one) => one.version === 3)!;
    assert.equal(review.versions.get(v2.id)?.next, v3);
    assert.deepEqual(
      compareVersions(v2, v3, review.facts).map(({ change, title }) => [change, title]),
      [
        // v3 rewrote patch 2 against another file.
        ['changed', 'Simple test 2'],
        ['unknown', 'Simple test 1'],
      ],
    );
  });
});

describe('versions on the real corpus', () => {
  let review: ReviewArchive;
  const byFile = (prefix: string): Series => review.series.find((one) => one.cover?.node?.message?.mail.file.startsWith(prefix))!;
  before(async () => {
    review = await reviewOfCorpus('lore-linux-leds/threads-sample');
  });

  it('links Multicolor Framework v21 to v25 though v22 to v24 are missing', () => {
    const [v21, v25] = [byFile('014-'), byFile('018-')];
    assert.equal(review.versions.get(v21.id)?.next, v25);
    assert.equal(review.versions.get(v25.id)?.previous, v21);
    assert.deepEqual(review.versions.get(v25.id)?.all.map((one) => one.version), [21, 25]);
  });

  it('links strobe/flash duration v2 to v5, and shows what changed', () => {
    const [v2, v5] = [byFile('020-'), byFile('010-')];
    assert.equal(review.versions.get(v2.id)?.next, v5);
    const changes = compareVersions(v2, v5, review.facts);
    assert.deepEqual(
      changes.map((change) => change.change),
      ['unchanged', 'changed', 'unchanged', 'unchanged', 'unchanged', 'changed', 'changed', 'changed', 'new', 'new'],
    );
    // The typo fix in the title (stobe → strobe) still pairs patch 2 with its earlier version.
    assert.equal(changes[1]?.older?.number, 2);
  });

  it('links a partial re-roll sent into the thread of the version before', () => {
    const v1 = byFile('012-');
    const next = review.versions.get(v1.id)?.next;
    assert.equal(next?.version, 2);
    assert.deepEqual(next?.patches.filter((patch) => patch.node).map((patch) => patch.number), [3, 4]);
  });

  it('links no series that has no other version here', () => {
    const single = byFile('001-');
    assert.deepEqual(review.versions.get(single.id)?.all, [single]);
  });
});
