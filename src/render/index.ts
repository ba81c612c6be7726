/**
 * Mail bodies to HTML. A unified pipeline: our own parser for plain-text mail, one remark
 * plugin per structure (quotes, attributions, PGP armour, diffs, diffstats, pull requests,
 * signatures, trailers, folding, paragraphs, links), remark-rehype with Sheaf's handlers as the
 * bridge to hast, shiki highlighting of the diffs, and rehype-stringify. Nothing in the mail
 * becomes markup: text only ever becomes hast text, and no raw HTML node exists anywhere in the
 * pipeline.
 *
 * The processors are made and frozen once; each body is a VFile whose data carries what is
 * its own (its attachments, the prefix of its ids) and, once marked, its mdast tree, and whose
 * messages say where a bound cut the work (highlighting stopped, a grammar missing).
 */
import type { Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { MailBody } from '../parse/types.ts';
import { remarkAttribution } from './attribution.ts';
import { remarkDiff } from './diff.ts';
import { remarkDiffstat } from './diffstat.ts';
import { remarkFoldQuotes } from './fold.ts';
import { rehypeHighlightDiff } from './highlight-diff.ts';
import { rehypeInvisibleChars } from './invisible.ts';
import { remarkLinks } from './links.ts';
import { remarkParagraphs } from './paragraphs.ts';
import { mailParse } from './parse.ts';
import { remarkPgpArmor } from './pgp.ts';
import { remarkPullRequest } from './pull-request.ts';
import { remarkQuotes } from './quotes.ts';
import { remarkSignature } from './signature.ts';
import { mailHandlers } from './to-hast.ts';
import { remarkTrailers } from './trailers.ts';

export { resolveArchiveLinks, type ArchiveLookup } from './archive-links.ts';

export interface RenderOptions {
  /** Put before every id the markup makes, so that several bodies can share a page. */
  idPrefix?: string;
}

/**
 * The reading of a body: the parser and the plugins that mark its structures. Pages show what
 * it marks, and the archive's review and threading read the same tree (`markBody`).
 */
const marking = unified()
  .use(mailParse)
  .use(remarkQuotes)
  .use(remarkAttribution)
  .use(remarkPgpArmor)
  .use(remarkDiff)
  .use(remarkDiffstat)
  .use(remarkPullRequest)
  .use(remarkSignature)
  .use(remarkTrailers)
  .use(remarkFoldQuotes)
  .use(remarkParagraphs)
  .use(remarkLinks)
  .freeze();

/** unified plugin: keep the marked tree in the file's data, for the readers of its structure. */
function remarkKeepMarked() {
  return (tree: Root, file: VFile): void => {
    file.data.marked = tree;
  };
}

/** The whole pipeline, from a body's text to HTML. */
const rendering = marking()
  .use(remarkKeepMarked)
  .use(remarkRehype, { handlers: mailHandlers })
  .use(rehypeHighlightDiff)
  .use(rehypeInvisibleChars)
  .use(rehypeStringify)
  .freeze();

/** The fallback's pipeline: escaped text with its invisible characters shown. */
const plain = unified().use(rehypeInvisibleChars).use(rehypeStringify).freeze();

/**
 * Bodies past these are not marked up, and a page shows no more of a body than this (the rest
 * is in its raw mail): the pipeline is linear, but a few dozen microseconds a line add up, no
 * mail may take more than a second or two, and no page should weigh more than a few MB. The
 * longest mail of a whole kernel list (linux-leds, 23,200 mails) has 10,754 lines.
 */
export const MAX_RENDERED_LINES = 25_000;
export const MAX_RENDERED_CHARACTERS = 1024 * 1024;

/** Lines of a text: one per newline, and the last one when it has none. */
function lineCount(text: string): number {
  let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** How many lines and characters texts hold together. */
function sizeOf(texts: readonly string[]): { lines: number; characters: number } {
  return { lines: texts.reduce((sum, text) => sum + lineCount(text), 0), characters: texts.reduce((sum, text) => sum + text.length, 0) };
}

/** Throws, with the reason, for a body too large to mark up (the caller shows it with `renderPlainBody`). */
function checkSize(body: MailBody): void {
  const { characters, lines } = sizeOf([body.text, ...body.inline.map((part) => part.text)]);
  if (characters > MAX_RENDERED_CHARACTERS) throw new Error(`too large to mark up (${characters} characters, the limit is ${MAX_RENDERED_CHARACTERS})`);
  if (lines > MAX_RENDERED_LINES) throw new Error(`too large to mark up (${lines} lines, the limit is ${MAX_RENDERED_LINES})`);
}

/** The file of one body: its text, and its attachments and options as data. */
function bodyFile(body: MailBody, options: RenderOptions = {}): VFile {
  return new VFile({ value: body.text, data: { inline: body.inline, idPrefix: options.idPrefix ?? '' } });
}

/**
 * A body as the plugins mark it (the mdast tree before the bridge to hast): its quotes,
 * attributions, diffs, signature and trailers, with what each says. Linear in the body's size,
 * with no bound of its own, so the review reads a body too large to show marked up.
 */
export function markBody(body: MailBody): Root {
  const file = bodyFile(body);
  return marking.runSync(marking.parse(file), file);
}

/**
 * Renders a body: the file's value is the HTML fragment, its data's `marked` the tree the
 * plugins marked, and its messages say where a bound cut the work. The HTML depends on the body
 * and options alone, so it can be cached per mail; links into the archive are added at page
 * time by `resolveArchiveLinks`. Throws for a body past the size bounds above.
 */
export async function renderBodyFile(body: MailBody, options: RenderOptions = {}): Promise<VFile> {
  checkSize(body);
  return rendering.process(bodyFile(body, options));
}

/** Renders a body to its HTML fragment (see `renderBodyFile`). */
export async function renderBody(body: MailBody, options: RenderOptions = {}): Promise<string> {
  return String((await renderBodyFile(body, options)).value);
}

/** Renders a body to a hast tree (what `renderBody` serialises); throws past the size bounds too. */
export async function renderBodyTree(body: MailBody, options: RenderOptions = {}): Promise<HastRoot> {
  checkSize(body);
  const file = bodyFile(body, options);
  return rendering.run(rendering.parse(file), file);
}

/** A body shown as plain text, and how it was cut to the bounds. */
export interface PlainBody {
  html: string;
  /** What is shown of a body past the bounds (`the first 25000 of 31234 lines (…)`), or null when it is shown whole. */
  cut: string | null;
}

/** Where a text is cut to keep at most `lines` lines and `characters` characters: at a line end, unless its first line alone is longer. */
function cutPoint(text: string, lines: number, characters: number): number {
  if (lineCount(text) <= lines && text.length <= characters) return text.length;
  let end = 0;
  for (let kept = 0, newline = text.indexOf('\n'); kept < lines && newline !== -1 && newline < characters; kept++, newline = text.indexOf('\n', newline + 1)) end = newline + 1;
  if (end > 0 || lines === 0) return end;
  // A first line longer than the bound is cut inside, never between the halves of a surrogate pair.
  const cut = Math.min(characters, text.length);
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** The parts of a body (its text, then its inline attachments) cut to the bounds, and what was kept. */
function cutToBounds(parts: readonly string[]): { kept: string[]; cut: string | null } {
  const total = sizeOf(parts);
  if (total.lines <= MAX_RENDERED_LINES && total.characters <= MAX_RENDERED_CHARACTERS) return { kept: [...parts], cut: null };
  const kept: string[] = [];
  let [lines, characters] = [0, 0];
  for (const text of parts) {
    const end = cutPoint(text, MAX_RENDERED_LINES - lines, MAX_RENDERED_CHARACTERS - characters);
    const shown = text.slice(0, end);
    if (shown) kept.push(shown);
    lines += lineCount(shown);
    characters += shown.length;
    if (end < text.length) break;
  }
  return { kept, cut: `the first ${lines} of ${total.lines} lines (${characters} of ${total.characters} characters)` };
}

/**
 * The fallback when `renderBody` fails on a mail: its text and attachments as escaped
 * preformatted text, so the mail is still shown and still nothing in it becomes markup. A body
 * past the bounds is cut to them, at a line end; the page says so and links to the raw mail.
 */
export function renderPlainBody(body: MailBody): PlainBody {
  const { kept, cut } = cutToBounds([body.text, ...body.inline.map((part) => `${part.filename}:\n${part.text}`)]);
  const tree: HastRoot = { type: 'root', children: kept.map((text) => h('pre.body-plain', text)) };
  return { html: plain.stringify(plain.runSync(tree)), cut };
}
