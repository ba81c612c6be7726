/**
 * The one reading of "this was applied": a maintainer's reply saying a patch or series was
 * applied, merged, queued or picked up ("Applied, thanks!", "Thanks, applied to for-next.",
 * b4's thank-you mails with their `[1/3] title` and `commit: <sha>` lines, the patchwork bot's
 * "This series was applied to netdev/net-next.git (main) by Jakub Kicinski <kuba@kernel.org>:").
 * Read from the marked tree (`markBody`), in the mail's own voice only: paragraphs outside
 * quotes, attachments and the signature, so an applied notice quoted in a reply, or a patch's
 * own commit message saying "applied" in passing, is not one. Each line is matched whole, by
 * anchored patterns that run in linear time; a question ("applied?") or a report of a tool
 * ("Applied patch foo.c cleanly.") is not a notice. Who sent it, and whether that is the
 * series' author, is the archive's business (state.ts).
 */
import type { Root } from 'mdast';
import type { Address } from '../parse/types.ts';
import { textOf } from './body.ts';

export interface AppliedNotice {
  /** Where, as the mail says it, in lower case (`for-next`, `netdev/net-next.git (main)`); null when it says not. */
  to: string | null;
  /** Who applied it, when the mail names someone other than its sender (the patchwork bot's `by` line). */
  by: Address | null;
  /** Patch numbers a b4 thank-you lists (`[2/3] …`); empty when the notice names none (the patch it answers, or all of a series). */
  patches: number[];
  /** Whether it says the whole series was applied (`I applied the series`, `Applied all`, `both applied`), whichever patch it answers. */
  whole: boolean;
  /** Commit ids it gives (b4's `commit: <sha>`), at most `MAX_COMMITS`. */
  commits: string[];
}

/** Bounds on what one notice keeps: lines read, the length of where, commits and patch numbers. */
export const MAX_NOTICE_LINES = 400;
export const MAX_WHERE = 100;
export const MAX_COMMITS = 50;

const VERB = '(?:applied|queued|merged|picked up|pushed)';
/** What was applied, after the verb: `the series`, `both patches`, `it`. */
const OBJECT = '(it|this|them|both|all|the (?:whole )?(?:series|patch(?:es)?|patch ?set|set)|(?:whole )?series|patch(?:es)?|patch ?set|(?:all|both) (?:patches|of them)|both patches)';
// "Applied, thanks!", "Applied to for-next, thanks.", "Applied the series to the leds tree.", "Queued for 5.10."
// Group 1 or 2: what was applied, when said; group 3: where.
const LEADING = new RegExp(
  `^(?:(?:i've|i have|i|we've|we have|now|(both|all|patch(?:es)?|series|whole series|the whole series)) )?(?:also |now )?${VERB}(?: ${OBJECT})?(?: (?:to|into|in|on|for) ([^,;!?]{1,${MAX_WHERE}}?))?[.!]*(?:[,;]? (?:thanks|thank you|thx|many thanks)[^?]{0,40})?$`,
);
// "Thanks, applied.", "Thank you, queued to for-next.", "Thanks, I applied the series.", "Thanks, applied and pushed out.", "Thanks, applied. (Just this patch for now)."
const THANKS_FIRST = new RegExp(
  `^(?:thanks|thank you|thx|many thanks)[,!.]* (?:(?:i've|i have|i|we've|we have) )?(?:(both|all|patch(?:es)?|series) )?${VERB}(?: ${OBJECT})?(?: and [a-z ]{1,30}?)?(?: (?:to|into|in|on|for) ([^,;!?()]{1,${MAX_WHERE}}?))?[.!]*(?: \\([^()]{0,80}\\)[.!]*)?$`,
);
/** What was applied, when it is all of a series. */
const WHOLE = /series|set|both|all|them/;
// The patchwork bot: "This series was applied to netdev/net-next.git (main)", then "by Name <address>:".
const BOT = new RegExp(`^this (?:series|patch|patch ?set|pull request) was applied to ([^\\n]{1,${MAX_WHERE}}?)$`);
const BOT_BY = /^by ([^<>\n]{0,200}?) ?<([^<>\s]{1,200})>:?$/;
// b4: "[2/3] leds: foo: add bar", then "      commit: 8c063929fe3d…".
const B4_PATCH = /^\[(\d{1,4})\/\d{1,4}\] /;
const B4_COMMIT = /^commit: ([0-9a-f]{7,40})$/;

/** The lines a mail writes in its own voice, outside quotes, attachments and its signature: its paragraphs', in order, at most `MAX_NOTICE_LINES`. */
function ownLines(tree: Root): string[] {
  const lines: string[] = [];
  for (const block of tree.children) {
    if (block.type !== 'paragraph') continue;
    for (const line of textOf(block.children).split('\n')) {
      if (lines.length >= MAX_NOTICE_LINES) return lines;
      lines.push(line.trim());
    }
  }
  return lines;
}

function where(text: string | undefined): string | null {
  const trimmed = text?.replace(/^the /, '').trim();
  return trimmed ? trimmed : null;
}

/** The applied notice a mail gives in its own voice, or null; see the module comment. */
export function appliedNotice(tree: Root): AppliedNotice | null {
  const lines = ownLines(tree);
  let notice: AppliedNotice | null = null;
  for (const [index, line] of lines.entries()) {
    const lower = line.toLowerCase();
    if (!notice) {
      const bot = BOT.exec(lower);
      const match = LEADING.exec(lower) ?? THANKS_FIRST.exec(lower);
      if (!bot && !match) continue;
      const what = bot ? bot[0] : `${match![1] ?? ''} ${match![2] ?? ''}`;
      const byLine = bot ? BOT_BY.exec(lines[index + 1] ?? '') : null;
      notice = { to: where(bot ? bot[1] : match![3]), by: byLine ? { name: byLine[1]!.trim(), email: byLine[2]! } : null, patches: [], commits: [], whole: bot ? /this series/.test(what) : WHOLE.test(what) };
      continue;
    }
    const patch = B4_PATCH.exec(line);
    if (patch && notice.patches.length < MAX_COMMITS) notice.patches.push(Number(patch[1]));
    const commit = B4_COMMIT.exec(lower);
    if (commit && notice.commits.length < MAX_COMMITS) notice.commits.push(commit[1]!);
  }
  return notice;
}
