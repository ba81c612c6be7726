/**
 * The page-time pass that links each file's diff and diffstat line to the archive's page of the
 * file (`/f/<path>/`), which the cached body cannot know (a file page exists only for the paths
 * the archive's patches touch, within bounds). Like `resolveArchiveLinks`, one linear regular
 * expression over the markup `renderBody` makes: a file's diff is `<pre class="diff" id="…"
 * data-file="path" …><code>` with its first header line after it, a diffstat line `<span
 * class="line file">` with its path linked to the diff (`<a href="#id">path</a>`).
 */

import { escapeAttribute, unescapeAttribute as unescape } from './archive-links.ts';

const DIFF_OPEN = /<pre class="diff" id="([^"]*)" data-file="([^"]*)"/g;
const MARKED = /(<pre class="diff" id="([^"]*)" data-file="([^"]*)"[^>]*><code><span class="line file">)([^<]*)(<\/span>)|(<span class="line file">[^<]*<a href="#([^"]*)">[^<]*<\/a>)/g;

/**
 * Links each file's first header line (`diff --git a/x b/x`) to the page of its file, and adds a
 * `⧉` link after the path of each diffstat line whose diff the body holds.
 * `fileUrl` gives a path's page, or undefined when it has none.
 */
export function resolveFileLinks(html: string, fileUrl: (path: string) => string | undefined): string {
  if (!html.includes('data-file="')) return html;
  // Which diff (by id) shows which file, for the diffstat lines (before the diffs) that link to them.
  const byId = new Map<string, string>();
  for (const [, id, file] of html.matchAll(DIFF_OPEN)) byId.set(id!, unescape(file!));
  return html.replace(MARKED, (markup, open?: string, _id?: string, file?: string, header?: string, close?: string, statLine?: string, target?: string) => {
    if (open !== undefined) {
      const url = fileUrl(unescape(file!));
      return url === undefined ? markup : `${open}<a class="file-page" href="${escapeAttribute(url)}">${header}</a>${close}`;
    }
    const path = byId.get(target!);
    const url = path === undefined ? undefined : fileUrl(path);
    return url === undefined ? markup : `${statLine}<a class="file-page" href="${escapeAttribute(url)}" aria-label="every patch to this file">⧉</a>`;
  });
}
