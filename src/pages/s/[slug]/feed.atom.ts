import { placedFileRoute } from '../../../site/site-routes.ts';

/** A series' Atom feed: its new versions, its cover letter and patches, and their replies. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('seriesFeed', 'slug', 'application/atom+xml');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
