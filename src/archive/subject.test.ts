import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeTitle, parseSubject, stripResponseMarkers, titleSimilarity, type ParsedSubject } from './subject.ts';
import { corpusPath } from '../testing/corpus.ts';

function expect(subject: string, expected: Partial<ParsedSubject>): void {
  const parsed = parseSubject(subject);
  for (const [field, value] of Object.entries(expected)) {
    assert.deepEqual(parsed[field as keyof ParsedSubject], value, `${field} of ${JSON.stringify(subject)}`);
  }
}

describe('parseSubject', () => {
  it('reads version, number and total', () => {
    expect('[PATCH v3 2/5] leds: foo: add bar', { kind: 'patch', version: 3, number: 2, total: 5, tags: [], title: 'leds: foo: add bar', isReply: false });
  });

  it('reads a version glued to PATCH as that version, not 1', () => {
    expect('[PATCHv3 2/5] leds: foo', { version: 3, number: 2, total: 5, kind: 'patch' });
    expect('[PATCH-v4 1/2] leds: foo', { version: 4, number: 1, total: 2 });
  });

  it('reads upper-case versions and zero-padded cover letters', () => {
    expect('[PATCH V10 0/8] backlight: qcom-wled: Support for QCOM wled driver', { version: 10, number: 0, total: 8 });
    expect('[PATCH v5 00/10] Add strobe/flash duration v4l2 ctrl & use it for ov9282', { version: 5, number: 0, total: 10 });
  });

  it('keeps RFC and tree names as tags, wherever they stand', () => {
    expect('[RFC PATCH net-next 0/3] net: phy: leds', { tags: ['RFC', 'net-next'], number: 0, total: 3, version: 1, kind: 'patch' });
    expect('[net-next PATCH v10 0/5] net: phy: generic polarity + LED support for qca808x', { tags: ['net-next'], version: 10, number: 0, total: 5 });
    expect('[PATCH net-next v1 3/3] net: phy: marvell', { tags: ['net-next'], version: 1, number: 3 });
    expect('[PATCH RFC leds + net-next v2 1/3] leds: trigger', { tags: ['RFC', 'leds', 'net-next'], version: 2, number: 1, total: 3 });
  });

  it('reads RESEND as a tag and keeps the version', () => {
    expect('[PATCH RESEND v2 1/1] leds: foo', { tags: ['RESEND'], version: 2, number: 1, total: 1 });
    expect('[RESEND PATCH v3] leds: foo', { tags: ['RESEND'], version: 3, number: null, total: null, kind: 'patch' });
    expect('[RESEND,v2 1/2] leds: foo', { tags: ['RESEND'], version: 2, number: 1, total: 2 });
    expect('[PATCH v2 1/2 resend] leds: foo', { tags: ['RESEND'], version: 2 });
  });

  it('reads "N of M" counters', () => {
    expect('[PATCH 1 of 3] hg: something', { number: 1, total: 3, version: 1, title: 'hg: something' });
  });

  it('keeps a point release version as the number it reads', () => {
    expect('[PATCH v5.1 3/7] leds: foo', { version: 5.1, number: 3, total: 7 });
    expect('[PATCH v4a 15/38] timers: leds', { version: 4, number: 15, total: 38 });
  });

  it('reads pull requests', () => {
    expect('[GIT PULL] LED updates for v6.1', { kind: 'pull', title: 'LED updates for v6.1', number: null });
    expect('[GIT PULL 5.11-rc8] LED fix', { kind: 'pull', tags: ['5.11-rc8'], version: 1 });
    expect('[PULL REQUEST] leds: fixes', { kind: 'pull', tags: [] });
    expect('Re: [GIT PULL] LED updates', { kind: 'pull', isReply: true });
  });

  it('reads several groups, nested and odd brackets', () => {
    expect('[RFC][PATCH v3 00/33] timers: Use timer_shutdown*()', { tags: ['RFC'], version: 3, number: 0, total: 33 });
    expect('[PATCH 02/10] [v3] input: gpio-keys: make legacy gpiolib optional', { version: 3, number: 2, total: 10, title: 'input: gpio-keys: make legacy gpiolib optional' });
    expect('[PATCH][next] leds: TI LMU: remove comparisons', { tags: ['next'], title: 'leds: TI LMU: remove comparisons' });
    expect('[PATCH [net-next] v2 1/3] net: foo', { tags: ['net-next'], version: 2, number: 1, total: 3, title: 'net: foo' });
    expect('[PATCH RESEND v6 (corrected v2) 1/2] dt-bindings: leds: convert ktd2692', { version: 6, number: 1, total: 2, tags: ['RESEND', 'corrected v2'] });
    expect('[Intel-wired-lan] [PATCH 1/2] igc: leds', { tags: ['Intel-wired-lan'], number: 1, total: 2, title: 'igc: leds' });
    expect('[PATCH v2 1/3 leds: unclosed bracket', { version: 2, number: 1, total: 3, title: 'leds: unclosed bracket', kind: 'patch' });
    expect('[PATCH 1/2]leds: no space', { number: 1, title: 'leds: no space' });
    expect('Re: (subset) [PATCH v3 3/5] mfd: sprd-sc27xx: Switch', { isReply: true, tags: ['subset'], version: 3, number: 3, total: 5, title: 'mfd: sprd-sc27xx: Switch' });
  });

  it('reads replies and forwards, in any language and stacked', () => {
    expect('Re: [PATCH v3 2/5] leds: foo', { isReply: true, version: 3, number: 2, title: 'leds: foo' });
    expect('AW: [PATCH RESEND v2] led: multicolor: Fix intensity', { isReply: true, tags: ['RESEND'], version: 2 });
    expect('Aw: Re: led block trigger patch', { isReply: true, kind: 'other', title: 'led block trigger patch' });
    expect('RE: Re[2]: SV: topic', { isReply: true, title: 'topic' });
    expect('Fwd: [PATCH] leds: foo', { isReply: false, isForward: true, kind: 'patch' });
    expect('[alsa-devel] Re: [PATCH 1/2] ASoC: foo', { isReply: true, tags: ['alsa-devel'], number: 1 });
  });

  it('tells patches from other mail', () => {
    expect('[PATCH] leds: foo', { kind: 'patch', number: null, total: null, version: 1 });
    expect('[RFC 1/3] leds: foo', { kind: 'patch', tags: ['RFC'] });
    expect('[v2 1/2] leds: foo', { kind: 'patch', version: 2 });
    expect('[lee-leds:for-leds-next] BUILD SUCCESS 1234', { kind: 'other', tags: ['lee-leds:for-leds-next'] });
    expect('[PATCH AUTOSEL 6.1 1/3] leds: foo', { kind: 'patch', tags: ['AUTOSEL', '6.1'], version: 1 });
    expect('Hung tasks due to a deadlock', { kind: 'other', title: 'Hung tasks due to a deadlock', tags: [] });
    expect('', { kind: 'other', title: '', isReply: false });
    expect('leds: foo: bar', { kind: 'other', title: 'leds: foo: bar', isReply: false });
  });

  it('reads every subject of the real list without failing', () => {
    const mbox = readFileSync(corpusPath('lore-linux-leds/threads-sample/011-add-mediatek-mt6370-pmic-support.mbox'), 'latin1');
    const subjects = [...mbox.matchAll(/^Subject: (.*)$/gm)].map((match) => match[1]!);
    const patches = subjects.map(parseSubject).filter((subject) => subject.kind === 'patch' && !subject.isReply);
    assert.equal(patches.length, 16);
    assert.deepEqual(patches.map((subject) => subject.number).sort((a, b) => a! - b!), Array.from({ length: 16 }, (_, index) => index));
    assert.ok(patches.every((subject) => subject.version === 2 && subject.total === 15));
  });
});

describe('stripResponseMarkers', () => {
  it('keeps what the reply answered', () => {
    assert.equal(stripResponseMarkers('Re: RE: [PATCH 3/4] iommu: foo'), '[PATCH 3/4] iommu: foo');
    assert.equal(stripResponseMarkers('[PATCH] Re: odd'), '[PATCH] Re: odd');
  });
});

describe('normalizeTitle and titleSimilarity', () => {
  it('drops case, punctuation, accents and a trailing version', () => {
    assert.equal(normalizeTitle('Multicolor Framework v25'), 'multicolor framework');
    assert.equal(normalizeTitle('Multicolor Framework'), 'multicolor framework');
    assert.equal(normalizeTitle('Add strobe/flash duration v4l2 ctrl & use it for ov9282'), 'add strobe flash duration v4l2 ctrl use it for ov9282');
    assert.equal(normalizeTitle('leds: Behún (v2)'), 'leds behun');
  });

  it('scores small rewordings high and other titles low', () => {
    assert.equal(titleSimilarity('Multicolor Framework', 'Multicolor Framework v25'), 1);
    assert.ok(titleSimilarity('media: v4l2-flash: add support for flash/stobe duration', 'media: v4l2-flash: add support for flash/strobe duration') > 0.9);
    assert.ok(titleSimilarity('leds: pca963x: add multicolor support', 'net: phy: add LED polarity') < 0.5);
  });
});
