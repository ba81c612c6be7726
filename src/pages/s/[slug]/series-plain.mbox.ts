import { placedFileRoute } from '../../../site/site-routes.ts';

/** A series' archived patches in order, exactly as sent, as one mboxrd. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('plainSeriesMbox', 'slug', 'application/mbox');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
