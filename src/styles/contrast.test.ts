/**
 * Every colour of text the stylesheets give, against every background it is shown on, meets
 * WCAG AA (4.5:1 for text, 3:1 for the chart's bars) in the light and the dark theme. The
 * colours are read from the stylesheets' `--name: light-dark(#light, #dark)` properties.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const folder = new URL('./', import.meta.url);
const css = readdirSync(folder).filter((file) => file.endsWith('.css')).map((file) => readFileSync(new URL(file, folder), 'utf8')).join('\n');
const palette = new Map<string, [string, string]>();
for (const [, name, light, dark] of css.matchAll(/(--[\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) palette.set(name!, [light!, dark!]);

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

const TEXT_ON_PAGE = ['--fg', '--muted', '--link', '--quote-1', '--quote-2', '--quote-3', '--quote-4', '--quote-5', '--trailer-ack', '--trailer-nak', '--stat-add', '--stat-del', '--reviewed', '--acked', '--tested', '--nacked', '--warn-fg'];
const CODE = ['--hl-foreground', '--hl-token-keyword', '--hl-token-string', '--hl-token-string-expression', '--hl-token-comment', '--hl-token-constant', '--hl-token-function', '--hl-token-parameter', '--hl-token-punctuation', '--hl-token-link', '--hl-token-inserted', '--hl-token-deleted', '--hl-token-changed'];

/** [text, background, ratio]: what the stylesheets put on what. */
const PAIRS: [string, string, number][] = [
  ...TEXT_ON_PAGE.map((text): [string, string, number] => [text, '--bg', 4.5]),
  ...['--fg', '--muted', '--link', '--reviewed', '--acked', '--tested', '--nacked'].map((text): [string, string, number] => [text, '--panel', 4.5]),
  ['--warn-fg', '--warn-bg', 4.5],
  ['--fg', '--badge-bg', 4.5],
  ['--muted', '--badge-bg', 4.5],
  ['--invisible-fg', '--invisible-bg', 4.5],
  ...['--diff-bg', '--diff-add-bg', '--diff-del-bg'].flatMap((background) => CODE.map((text): [string, string, number] => [text, background, 4.5])),
  ['--diff-gutter', '--diff-bg', 4.5],
  ['--diff-gutter', '--diff-add-bg', 4.5],
  ['--diff-gutter', '--diff-del-bg', 4.5],
  ['--diff-file-fg', '--diff-bg', 4.5],
  ['--muted', '--diff-bg', 4.5],
  ['--diff-hunk-fg', '--diff-hunk-bg', 4.5],
  ['--stat-add', '--diff-bg', 4.5],
  ['--stat-del', '--diff-bg', 4.5],
  ['--chart-messages', '--bg', 3],
  ['--chart-series', '--bg', 3],
];

test('the palette is read from the stylesheets', () => {
  for (const [text, background] of PAIRS) {
    assert.ok(palette.has(text), `${text} has a light-dark() value`);
    assert.ok(palette.has(background), `${background} has a light-dark() value`);
  }
});

for (const [index, theme] of ['light', 'dark'].entries()) {
  test(`every text colour meets WCAG AA on its backgrounds in the ${theme} theme`, () => {
    const failing = PAIRS.flatMap(([text, background, ratio]) => {
      const found = contrast(palette.get(text)![index]!, palette.get(background)![index]!);
      return found < ratio ? [`${text} on ${background}: ${found.toFixed(2)} < ${ratio}`] : [];
    });
    assert.deepEqual(failing, []);
  });
}
