import { placedFileRoute } from '../../../site/site-routes.ts';

/** A file's or folder's Atom feed: the patches touching it. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('fileFeed', 'path', 'application/atom+xml');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
