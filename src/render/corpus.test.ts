/**
 * The renderer over every message of the linux-leds threads sample: every line sits at the
 * quote depth it was sent at, with its text, in order; every `diff --git` is a diff block.
 */
import type { Element, Root, Text } from 'hast';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { visit } from 'unist-util-visit';
import type { MailBody } from '../parse/types.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { renderBodyTree } from './index.ts';
import { renderedLines } from './test-support.ts';

const MARKER = /^>(?!From ) ?(?: (?=>))?/;

/** Reads up to `limit` quote markers (the first may follow one space): the depth, and the text after them. */
function readMarkers(line: string, limit = Infinity): { depth: number; rest: string } {
  let rest = line.startsWith(' >') ? line.slice(1) : line;
  let depth = 0;
  for (let marker; depth < limit && (marker = MARKER.exec(rest)); depth++) rest = rest.slice(marker[0].length);
  return depth > 0 ? { depth, rest } : { depth: 0, rest: line };
}

/**
 * The depth and text of each non-blank line as sent, read on their own: leading `>` markers,
 * except in the kernel test robot's list of compiler messages (where `>>` marks new ones) and
 * its ` > 191<tab>` code lines.
 */
function sentLines(text: string): Array<{ depth: number; text: string }> {
  const lines: Array<{ depth: number; text: string }> = [];
  let robot: { depth: number; listed: boolean } | undefined;
  for (const line of text.split('\n')) {
    let { depth, rest } = /^ > \d+\t/.test(line) ? { depth: 0, rest: line } : readMarkers(line);
    if (robot) {
      const limited = readMarkers(line, robot.depth);
      if (limited.depth < robot.depth || (robot.listed && limited.rest.trim() === '')) robot = undefined;
      else ({ depth, rest } = limited);
      if (robot && rest.trim() !== '') robot.listed = true;
    }
    if (/\(new ones prefixed by >>\):\s*$/.test(rest)) robot = { depth, listed: false };
    if (rest.trim() !== '') lines.push({ depth, text: rest });
  }
  return lines;
}

/** The first line of every diff block in a rendered tree. */
function diffHeads(tree: Root): string[] {
  const heads: string[] = [];
  visit(tree, 'element', (node) => {
    const classes = node.properties.className;
    if (node.tagName !== 'pre' || !Array.isArray(classes) || !classes.includes('diff')) return;
    const code = node.children[0] as Element;
    const first = code.children[0] as Element;
    heads.push(toString(first));
  });
  return heads;
}

function toString(node: Element | Text): string {
  return node.type === 'text' ? node.value : node.children.map((child) => toString(child as Element | Text)).join('');
}

describe('the linux-leds threads sample', () => {
  const bodies: Array<{ id: string; body: MailBody }> = [];
  before(async () => {
    const loaded = await loadMail(corpusPath('lore-linux-leds/threads-sample'));
    for (const record of loaded.records) bodies.push({ id: record.messageId, body: loaded.bodies.get(record.key)! });
  });

  it('holds the 510 messages (509 once the duplicate is merged)', () => {
    assert.equal(bodies.length, 509);
  });

  it('puts every line at the depth it was sent at, with its text, in order', async () => {
    for (const { id, body } of bodies) {
      const tree = await renderBodyTree(body);
      const sent = [body.text, ...body.inline.map((part) => part.text)].flatMap(sentLines).map((line) => ({ depth: line.depth, text: line.text.trim() }));
      const shown = renderedLines(tree).map((line) => ({ depth: line.depth, text: line.text.trim() }));
      assert.deepEqual(shown, sent, id);
    }
  });

  it('makes every `diff --git` a diff block', async () => {
    let total = 0;
    for (const { id, body } of bodies) {
      const tree = await renderBodyTree(body);
      const sent = [body.text, ...body.inline.map((part) => part.text)].flatMap(sentLines).filter((line) => line.text.startsWith('diff --git ')).length;
      const shown = diffHeads(tree).filter((head) => head.startsWith('diff --git ')).length;
      assert.equal(shown, sent, id);
      total += sent;
    }
    assert.equal(total, 478, 'diff --git lines in the sample');
  });
});
