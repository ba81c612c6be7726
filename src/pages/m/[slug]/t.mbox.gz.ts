import { placedFileRoute } from '../../../site/site-routes.ts';

/** The thread's mbox (t.mbox), gzipped. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('threadMboxGzip', 'slug', 'application/gzip');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
