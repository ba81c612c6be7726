/**
 * The mdast nodes a mail body is made of. Mail is not markdown: the parser turns a body into
 * `mailLine` nodes, and each plugin claims the lines it recognises and replaces them with one of
 * the blocks below. Lines nobody claims become ordinary mdast `paragraph`s at the end.
 */
import type { Literal, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Address, InlineAttachment } from '../parse/types.ts';

/** One line of the body, without its line ending (and, once quotes are marked, without its quote markers). */
export interface MailLine extends Literal {
  type: 'mailLine';
}

/** Quoted text: the lines sent behind `depth` quote markers, deeper quotes nested inside. */
export interface Quote extends Parent {
  type: 'quote';
  /** 1 for `> `, 2 for `> > ` or `>> `, and so on. */
  depth: number;
  /** Set, to the number of quoted lines, when the quote is shown folded (by `remarkFoldQuotes`). */
  foldedLines?: number;
  /** The attribution that introduced the quote comes first, when there was one. */
  children: Array<Attribution | QuoteContent>;
}

/** The line (or lines) naming who is quoted: "On …, X wrote:", "Quoting X:", an Outlook header block. */
export interface Attribution extends Parent {
  type: 'attribution';
  /** Who wrote the quoted mail, when the lines say; null for a bare "-----Original Message-----". */
  author: Address | null;
  /** When, in ISO 8601 UTC, or null when the lines give no readable date. */
  date: string | null;
  /** Whether they gave the zone; without one, `date` is read as UTC and may be off by 14 hours. */
  exact: boolean;
  children: PhrasingContent[];
}

/** What a quote or the body holds. */
export type QuoteContent = Exclude<RootContent, Attribution | DiffLine | DiffstatLine | Trailer>;

/** How a diff line is shown: `file` header, `hunk` header, added, removed, context, a note (`\ No newline…`), binary patch data, or a reviewer's elision (`[...]`). */
export type DiffLineKind = 'file' | 'hunk' | 'add' | 'del' | 'ctx' | 'note' | 'binary' | 'elided';

/** One line of a diff, as sent (with its `+`, `-` or space marker). */
export interface DiffLine extends Literal {
  type: 'diffLine';
  kind: DiffLineKind;
  /** Line number in the old file, when the hunk header vouches for it. */
  old?: number;
  /** Line number in the new file, when the hunk header vouches for it. */
  new?: number;
}

/** The diff of one file, or a fragment of one (a quoted hunk, or the rest of a diff a reviewer's comment interrupted). */
export interface Diff extends Parent {
  type: 'diff';
  /** The file's path (the new path of a rename), when a header named it. */
  path?: string;
  /** Shiki language of the file's code, or `text`. */
  lang: string;
  /** Id of the file's section, unique within the body (`f1`, `f2`…), for diffs that start with a file header. */
  fileId?: string;
  /** True when the diff carries on a diff quoted before a reviewer's comment. */
  continued?: boolean;
  children: DiffLine[];
}

/** A diffstat: `path | 12 ++--` lines and the `N files changed` summary. */
export interface Diffstat extends Parent {
  type: 'diffstat';
  children: DiffstatLine[];
}

/** One diffstat line; `path` lines link to the file's diff when the body holds it. */
export interface DiffstatLine extends Literal {
  type: 'diffstatLine';
  /** The path as the diffstat shows it (possibly shortened to `.../name`). */
  path?: string;
  /** `fileId` of the diff of that file. */
  target?: string;
}

/** A run of trailer lines. */
export interface Trailers extends Parent {
  type: 'trailers';
  children: Trailer[];
}

/** What a trailer says of a patch: reviewed, acked, tested or NAKed it. */
export type TrailerKind = 'reviewed' | 'acked' | 'tested' | 'nacked';

/** One trailer line such as `Reviewed-by: A <a@b>`, or a bare NAK. */
export interface Trailer extends Parent {
  type: 'trailer';
  /** The trailer's key in lower case (`reviewed-by`, `fixes`, `link`…), or `nak` for a bare NAK. */
  key: string;
  /** The review it gives (`reviewed-and-tested-by`: both); none for trailers that credit or point (`signed-off-by`, `fixes`). */
  review: TrailerKind[];
  /** The person a `-by` trailer names; a bare NAK names none (it is its sender's). */
  person?: Address;
  /** What the line says the trailer is for, after the person: `5/8 and 6/8` of `Acked-by: A <a@b> for 5/8 and 6/8`. */
  scope?: string;
  children: PhrasingContent[];
}

/** The signature: the `-- ` line and what follows it. */
export interface Signature extends Parent {
  type: 'signature';
  children: PhrasingContent[];
}

/** PGP armour: a clearsigned message's header, or an armoured block (signature, key, message). */
export interface PgpArmor extends Literal {
  type: 'pgpArmor';
  /** What the armour holds, from its BEGIN line: `signed-message`, `signature`, `public-key-block`, `message`. */
  kind: string;
}

/** The head of a `git request-pull` message: base commit, repository and head commit. */
export interface PullRequest extends Parent {
  type: 'pullRequest';
  base?: string;
  /** The URL and ref, as the request gives them. */
  repository?: string;
  head?: string;
  children: PhrasingContent[];
}

/** A Message-ID written in angle brackets. */
export interface MessageRef extends Literal {
  type: 'messageRef';
  /** The id without brackets. */
  id: string;
}

/** An inline attachment (a patch sent as a file), rendered as its own section of the body. */
export interface Attachment extends Parent {
  type: 'attachment';
  filename: string;
  contentType: string;
  children: QuoteContent[];
}

declare module 'mdast' {
  interface LinkData {
    /** The Message-ID a lore or patch.msgid.link URL points at. */
    messageId?: string;
  }
  interface BlockContentMap {
    mailLine: MailLine;
    quote: Quote;
    diff: Diff;
    diffstat: Diffstat;
    trailers: Trailers;
    signature: Signature;
    pgpArmor: PgpArmor;
    pullRequest: PullRequest;
    attachment: Attachment;
  }
  interface PhrasingContentMap {
    messageRef: MessageRef;
  }
  interface RootContentMap {
    mailLine: MailLine;
    quote: Quote;
    attribution: Attribution;
    diff: Diff;
    diffLine: DiffLine;
    diffstat: Diffstat;
    diffstatLine: DiffstatLine;
    trailers: Trailers;
    trailer: Trailer;
    signature: Signature;
    pgpArmor: PgpArmor;
    pullRequest: PullRequest;
    messageRef: MessageRef;
    attachment: Attachment;
  }
}

declare module 'vfile' {
  /** What the file of one body carries through the pipeline (see src/render/index.ts). */
  interface DataMap {
    /** Put before every id the body's markup makes, so that several bodies can share a page. */
    idPrefix: string;
    /** The body's inline attachments, parsed after its text. */
    inline: readonly InlineAttachment[];
    /** The body as the remark plugins marked it: what readers of its structure read (body facts, search terms). */
    marked: Root;
  }
}
