import { placedFileRoute } from '../../../site/site-routes.ts';

/** A series for `git am`: its archived patches in order, with the trailers collected from its review and a `Link:` to each patch's page. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('amSeriesMbox', 'slug', 'application/mbox');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
