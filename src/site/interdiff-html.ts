/**
 * The interdiff of one changed patch as its page shows it (routes/interdiff-pages.ts): both
 * versions read from the body cache and marked as every body is, compared
 * (src/archive/interdiff.ts), written as a diff, its addresses shown as the site shows them,
 * and rendered, highlighted, by the renderer every body goes through.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { interdiff, interdiffText, MAX_INTERDIFF_LINES } from '../archive/interdiff.ts';
import { CacheError, readBody } from '../loader/cache.ts';
import { resolveFileLinks } from '../render/file-links.ts';
import { markBody, renderBody } from '../render/index.ts';
import { maskedBody, type BodyMasking } from './addresses.ts';
import type { InterdiffBody } from './routes/interdiff-pages.ts';

export interface InterdiffHtml {
  html: string;
  /** Set when the interdiff was cut at its bound. */
  note: string | null;
}

const UNAVAILABLE = toHtml(h('p.notice', 'A body of this patch could not be read from the build cache; the next build reads the mail again.'));
const SAME = toHtml(h('p.muted', 'Their diffs differ only where versions are not compared (file modes, index lines, hunk offsets).'));

/** `fileUrls`: pages of the files, as [path, url], which the file headers link to. */
export async function interdiffHtml(bodies: { older: InterdiffBody; newer: InterdiffBody }, masking: BodyMasking | null, idPrefix: string, fileUrls: [string, string][] = []): Promise<InterdiffHtml> {
  let older;
  let newer;
  try {
    [older, newer] = [readBody(bodies.older.key), readBody(bodies.newer.key)];
  } catch (error) {
    if (error instanceof CacheError) return { html: UNAVAILABLE, note: null };
    throw error;
  }
  const diff = interdiff(
    { text: older.text, tree: markBody(older), commitMessageEnd: bodies.older.commitMessageEnd },
    { text: newer.text, tree: markBody(newer), commitMessageEnd: bodies.newer.commitMessageEnd },
  );
  const text = interdiffText(diff);
  const note = diff.truncated ? `Cut at ${MAX_INTERDIFF_LINES.toLocaleString('en')} lines: the rest is left out.` : null;
  if (text === '') return { html: SAME, note };
  const shown = maskedBody(text, masking);
  try {
    const pages = new Map(fileUrls);
    return { html: resolveFileLinks(await renderBody({ text: shown, inline: [] }, { idPrefix }), (path) => pages.get(path)), note };
  } catch {
    // Past the renderer's own bounds (a few huge lines): the text, escaped, without highlighting.
    return { html: toHtml(h('pre.interdiff-plain', shown)), note };
  }
}
