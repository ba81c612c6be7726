/**
 * A body is highlighted the same in every worker thread, whatever languages the thread loaded
 * for the bodies it highlighted before: each case renders bodies in a fresh thread, and again in
 * a thread that first highlighted code in many other languages.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { frameMail } from '../ingest/read.ts';
import { parseMail } from '../parse/index.ts';
import type { MailBody } from '../parse/types.ts';
import { corpusPath } from '../testing/corpus.ts';

/** A git diff adding `lines` to `path`. */
function patch(path: string, lines: string[]): string {
  return [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

function mail(...patches: string[]): MailBody {
  return { text: `A change.\n\n---\n${patches.join('\n')}\n`, inline: [] };
}

/** Code in the languages that rst, markdown and html embed, and more. */
const OTHER_LANGUAGES = mail(
  patch('drivers/leds/leds-x.c', ['static int x_probe(struct device *dev)', '{', '\treturn 0; /* done */', '}']),
  patch('tools/x.cpp', ['template <typename T> T twice(T x) { return x + x; }']),
  patch('tools/x.py', ['def main():', '    print("x")']),
  patch('tools/x.js', ['const x = () => 1;']),
  patch('tools/x.ts', ['const x: number = 1;']),
  patch('tools/x.css', ['body { color: red; }']),
  patch('tools/x.sh', ['for f in *; do echo "$f"; done']),
  patch('tools/x.json', ['{ "a": [1, true] }']),
  patch('Documentation/devicetree/bindings/leds/x.yaml', ['properties:', '  compatible:', '    const: x,leds']),
  patch('tools/Makefile', ['all: x', '\t$(CC) -o $@ $^']),
  patch('tools/x.html', ['<p class="x">Hi</p>']),
  patch('tools/x.xml', ['<a b="c"/>']),
  patch('tools/x.pl', ['my $x = 1;']),
  patch('tools/x.lua', ['local x = 1']),
  patch('tools/x.rs', ['fn main() { let x = 1; }']),
  patch('tools/x.go', ['func main() { x := 1 }']),
  patch('Documentation/x.tex', ['\\section{X}']),
);

const RST = [
  'Kernel driver for x',
  '===================',
  '',
  'Set the **brightness** with ``sysfs``::',
  '',
  '    echo 255 > /sys/class/leds/x/brightness',
  '',
  '.. code-block:: c',
  '',
  '    static int x_set(struct led_classdev *cdev)',
  '    {',
  '            return 0;',
  '    }',
  '',
  '.. code-block:: bash',
  '',
  '    for led in /sys/class/leds/*; do cat "$led/brightness"; done',
  '',
  '>>> import os',
];
const MARKDOWN = ['# Title', '', 'Some *text*.', '', '```c', 'int x = 1;', '```', '', '```sh', 'echo hi', '```', '', '<div class="x">html</div>'];
const HTML = ['<html>', '<style>', 'body { color: red; }', '</style>', '<script>', 'const x = 1;', '</script>', '<p>Hi</p>', '</html>'];
const DOCUMENTATION = mail(patch('Documentation/leds/leds-x.rst', RST), patch('README.md', MARKDOWN), patch('www/index.html', HTML));

/** The HTML of `bodies`, rendered in a fresh thread after `first`. */
async function renderInFreshThread(bodies: MailBody[], first: MailBody[] = []): Promise<string[]> {
  const worker = new Worker(new URL('./highlight-determinism.worker.ts', import.meta.url), { workerData: { first, bodies } });
  const [html] = (await once(worker, 'message')) as [string[]];
  await worker.terminate();
  return html;
}

/** The added line of a diff that reads `text`, as HTML. */
function lineOf(html: string, text: string): string {
  const line = html.split('\n').find((candidate) => candidate.includes('class="line add"') && candidate.replace(/<[^>]*>/g, '') === `+${text}`);
  assert.ok(line, `no added line ${text}`);
  return line;
}

describe('highlighting a body', () => {
  let fresh: string;
  before(async () => {
    [fresh] = (await renderInFreshThread([DOCUMENTATION])) as [string];
  });

  it('gives the same HTML in a fresh thread as in one that highlighted many other languages first', async () => {
    const [afterOthers] = await renderInFreshThread([DOCUMENTATION], [OTHER_LANGUAGES]);
    assert.equal(afterOthers, fresh);
  });

  it('highlights rst markup but not its code blocks, and the script and style of html with the grammars html embeds', async () => {
    assert.match(lineOf(fresh, 'Set the **brightness** with ``sysfs``::'), /<span class="hl-keyword">::<\/span>/);
    assert.match(lineOf(fresh, '.. code-block:: c'), /<span class="hl-keyword">\.\. code-block::<\/span>/);
    assert.doesNotMatch(lineOf(fresh, '            return 0;'), /class="hl-/);
    assert.match(lineOf(fresh, 'const x = 1;'), /<span class="hl-keyword">const /);
    assert.match(lineOf(fresh, 'body { color: red; }'), /<span class="hl-constant">color<\/span>/);
  });
});

const LINUX_LEDS = corpusPath('lore-linux-leds/linux-leds.mbox.xz');
/** Why the linux-leds mbox cannot be read here, or false. */
const linuxLedsUnreadable = !existsSync(LINUX_LEDS) ? 'the linux-leds corpus is absent' : spawnSync('xz', ['--version']).status !== 0 ? 'xz is not installed' : false;

/** linux-leds patches to documentation: rst code blocks in bash, console, c and dts, an rst literal block, a YAML binding. */
const DOCUMENTATION_PATCHES = [
  '20221124204807.1593241-3-mmkurbanov@sberdevices.ru',
  '20250421-leds-doc-v1-1-9a32df7fc6f4@yoseli.org',
  '20251230003250.1197744-6-professorjonny98@gmail.com',
  '20260314230107.65444-2-W_Armin@gmx.de',
  '20210422074702.8831-1-jbe@pengutronix.de',
  '20190520085846.22320-1-masneyb@onstation.org',
];

/** The bodies of the mails of the linux-leds mbox with these Message-IDs, read in place. */
async function linuxLedsBodies(messageIds: string[]): Promise<MailBody[]> {
  const bytes = execFileSync('xz', ['--decompress', '--stdout', LINUX_LEDS], { maxBuffer: 1024 ** 3 });
  const separator = '\nFrom mboxrd@z ';
  const bodies: MailBody[] = [];
  for (const id of messageIds) {
    const header = new RegExp(`^Message-ID:\\s*<${id.replace(/[.+]/g, '\\$&')}>`, 'im');
    let found: MailBody | undefined;
    for (let at = bytes.indexOf(`<${id}>`); at !== -1 && !found; at = bytes.indexOf(`<${id}>`, at + 1)) {
      const start = bytes.lastIndexOf(separator, at) + 1;
      const end = bytes.indexOf(separator, at);
      const message = bytes.subarray(start, end === -1 ? bytes.length : end + 1);
      if (!header.test(message.subarray(0, message.indexOf('\n\n')).toString('latin1'))) continue;
      const [raw] = frameMail('linux-leds.mbox', message).mails;
      found = (await parseMail(raw!)).body;
    }
    assert.ok(found, `no mail <${id}> in linux-leds`);
    bodies.push(found);
  }
  return bodies;
}

describe('highlighting the linux-leds patches to documentation', { skip: linuxLedsUnreadable }, () => {
  it('gives the same HTML in a fresh thread as in one that highlighted many other languages first, in any order', async () => {
    const bodies = await linuxLedsBodies(DOCUMENTATION_PATCHES);
    const fresh = await renderInFreshThread(bodies);
    const afterOthers = (await renderInFreshThread([...bodies].reverse(), [OTHER_LANGUAGES])).reverse();
    DOCUMENTATION_PATCHES.forEach((id, index) => assert.equal(afterOthers[index], fresh[index], id));
  });
});
