/**
 * `/s/<slug>/interdiff/`: what changed in each patch from a series' previous version to it
 * (src/archive/interdiff.ts), one page per pair of consecutive versions in which a patch
 * changed. The route data names what the page shows, not the interdiffs themselves: each
 * changed patch's two bodies by cache key and store digest (which change whenever a body or its
 * reading may), where its commit message ends, the links to both versions' pages and how the
 * site shows addresses. The page computes the interdiffs when it is rendered, so a build costs
 * them only for the pages whose key changed, and the key covers all the page shows.
 */
import { hasInterdiffs, interdiffPageUrl, interdiffUrl, versionComparison } from '../../archive/changes.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import type { Series, SeriesPatch } from '../../archive/series.ts';
import type { PatchChange } from '../../archive/versions.ts';
import { bodyMasking, type BodyMasking } from '../addresses.ts';
import { CHANGE_LABELS } from '../series-view.ts';
import { seriesName } from '../words.ts';
import type { RouteContext } from './context.ts';
import type { StoreDigests } from './message-page.ts';

/** One version of a changed patch, as the page reads it. */
export interface InterdiffBody {
  /** Body cache key (the mail's record key). */
  key: string;
  /** The content store digest of the mail. */
  renderedAs: string;
  /** Where its commit message ends (body facts). */
  commitMessageEnd: number;
}

export interface InterdiffPatchView {
  /** The section's id (`p3`, the patch's number in the newer version), for a changed patch; else null. */
  anchor: string | null;
  change: PatchChange;
  label: string;
  title: string;
  /** Both versions' pages of the patch, when archived. */
  links: { url: string; text: string }[];
  /** The two bodies to compare, for a changed patch. */
  bodies: { older: InterdiffBody; newer: InterdiffBody } | null;
  /** Pages of the files either version touches, as [path, url]: its file headers link to them. */
  fileUrls: [string, string][];
}

export interface InterdiffPageData {
  title: string;
  heading: string;
  older: { url: string; name: string };
  newer: { url: string; name: string };
  patches: InterdiffPatchView[];
  /** How addresses in the bodies are shown when not as sent; null when shown. */
  masking: BodyMasking | null;
}

function bodyOf(message: ArchivedMessage, digests: StoreDigests): InterdiffBody {
  return { key: message.mail.key, renderedAs: digests.get(message.mail.key) ?? '', commitMessageEnd: message.mail.facts.commitMessageEnd };
}

function patchLink(patch: SeriesPatch | null, series: Series, { link }: RouteContext): { url: string; text: string }[] {
  const message = patch?.node?.message;
  return message ? [{ url: link(message.url), text: `v${series.version} ${patch.number}/${series.total}` }] : [];
}

function fileUrls(messages: ArchivedMessage[], context: RouteContext): [string, string][] {
  const paths = new Set(messages.flatMap((message) => message.mail.facts.files ?? []));
  return [...paths].flatMap((path): [string, string][] => {
    const url = context.filePage?.(path);
    return url ? [[path, url]] : [];
  });
}

/** The interdiff page of each series whose previous version it changed a patch of, by the newer series' slug. */
export function interdiffPages(review: ReviewArchive, digests: StoreDigests, context: RouteContext): { param: string; data: InterdiffPageData }[] {
  const pages: { param: string; data: InterdiffPageData }[] = [];
  for (const newer of review.series) {
    const older = review.versions.get(newer.id)?.previous;
    if (!older) continue;
    const comparison = versionComparison(older, newer, review.facts);
    if (!hasInterdiffs(comparison)) continue;
    const name = seriesName(newer.title || '(no title)', newer.version);
    const patches = comparison.map((patch): InterdiffPatchView => {
      const [before, after] = [patch.older?.node?.message, patch.newer?.node?.message];
      const changed = interdiffUrl(newer, patch) !== null && before && after;
      return {
        anchor: changed ? `p${patch.newer!.number}` : null,
        change: patch.change,
        label: CHANGE_LABELS[patch.change],
        title: patch.title,
        links: [...patchLink(patch.older, older, context), ...patchLink(patch.newer, newer, context)],
        bodies: changed ? { older: bodyOf(before, digests), newer: bodyOf(after, digests) } : null,
        fileUrls: changed ? fileUrls([before, after], context) : [],
      };
    });
    pages.push({
      param: newer.slug,
      data: {
        title: `${name}: changes from v${older.version}`,
        heading: `From v${older.version} to v${newer.version}`,
        older: { url: context.link(older.url), name: seriesName(older.title || '(no title)', older.version) },
        newer: { url: context.link(newer.url), name },
        patches,
        masking: bodyMasking(context.addresses.mode, []),
      },
    });
  }
  return pages;
}

export { interdiffPageUrl };
