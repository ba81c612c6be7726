/** The kinds of review trailer, in the order pages list them, with the words they are shown by. */
import type { ReviewStatus } from '../archive/review.ts';
import type { TrailerKind } from '../archive/trailers.ts';

export interface ReviewKind {
  kind: TrailerKind;
  /** Where `ReviewStatus` lists the people. */
  field: keyof ReviewStatus;
  /** The trailer as written: `Reviewed-by`. */
  trailer: string;
  /** A count in a list row: `2 reviewed`. */
  counted: string;
}

export const REVIEW_KINDS: readonly ReviewKind[] = [
  { kind: 'reviewed', field: 'reviewedBy', trailer: 'Reviewed-by', counted: 'reviewed' },
  { kind: 'acked', field: 'ackedBy', trailer: 'Acked-by', counted: 'acked' },
  { kind: 'tested', field: 'testedBy', trailer: 'Tested-by', counted: 'tested' },
  { kind: 'nacked', field: 'nackedBy', trailer: 'NAKed-by', counted: 'NAKed' },
];

export interface ReviewCount {
  kind: TrailerKind;
  /** `2 reviewed`, `1 NAKed`. */
  text: string;
}

/** How many people gave each kind of trailer, leaving out the kinds nobody gave. */
export function reviewCounts(status: ReviewStatus): ReviewCount[] {
  return REVIEW_KINDS.filter(({ field }) => status[field].length > 0).map(({ kind, field, counted }) => ({
    kind,
    text: `${status[field].length} ${counted}`,
  }));
}
