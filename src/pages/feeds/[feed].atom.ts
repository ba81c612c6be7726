import { placedFileRoute } from '../../site/site-routes.ts';

/** The archive's Atom feeds: `/feeds/series.atom` (new series), `/feeds/messages.atom` (new messages). A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('archiveFeed', 'feed', 'application/atom+xml');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
