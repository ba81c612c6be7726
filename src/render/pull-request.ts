/**
 * Marks the head of a `git request-pull` message: "The following changes since commit …",
 * the repository, and "for you to fetch changes up to …" with the head commit's subject.
 * The shortlog and diffstat after it stay text and diffstat.
 */
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { claimLines, isBlank, mapLineRuns, span, textOf } from './lines.ts';
import type { MailLine, PullRequest } from './types.ts';

const SINCE = /^The following changes since commit(?: ([0-9a-f]{7,40}))?:?\s*$/;
const COMMIT_LINE = /^([0-9a-f]{7,40}):?\s*$/;
const AVAILABLE = /^are available in the git repository at:?\s*$/i;
const UP_TO = /^for you to fetch changes up to ([0-9a-f]{7,40}):?\s*$/;
/** How far the repository line may be from the first line (old git put a shortlog entry between). */
const REACH = 12;

/** Skips blank lines, then returns the end of the paragraph there and its lines. */
function paragraphAt(run: MailLine[], index: number): { lines: MailLine[]; end: number } {
  while (isBlank(run[index])) index++;
  let end = index;
  while (end < run.length && !isBlank(run[end])) end++;
  return { lines: run.slice(index, end), end };
}

function readPullRequest(run: MailLine[], index: number): { node: PullRequest; end: number } | undefined {
  const since = SINCE.exec(run[index]!.value);
  if (!since) return undefined;
  let base = since[1];
  let cursor = index + 1;
  if (!base) base = COMMIT_LINE.exec(run[cursor++]?.value ?? '')?.[1];
  while (cursor < Math.min(run.length, index + REACH) && !AVAILABLE.test(run[cursor]!.value)) cursor++;
  if (!AVAILABLE.test(run[cursor]?.value ?? '')) return undefined;
  const repository = paragraphAt(run, cursor + 1);
  if (repository.lines.length === 0) return undefined;
  let end = repository.end;
  let head: string | undefined;
  let next = end;
  while (isBlank(run[next])) next++;
  const upTo = UP_TO.exec(run[next]?.value ?? '');
  if (upTo) {
    head = upTo[1];
    end = paragraphAt(run, next + 1).end;
  }
  const lines = run.slice(index, end);
  const node: PullRequest = { type: 'pullRequest', children: [textOf(lines)] };
  if (base) node.base = base;
  node.repository = repository.lines.map((line) => line.value.trim()).join(' ');
  if (head) node.head = head;
  const position = span(lines[0]!, lines[lines.length - 1]!);
  if (position) node.position = position;
  return { node, end };
}

/** unified plugin: mark `git request-pull` heads. */
export function remarkPullRequest(): Transformer<Root> {
  return (tree: Root): void => mapLineRuns(tree, (run) => claimLines(run, readPullRequest));
}
