import { placedFileRoute } from '../../site/site-routes.ts';

/** The data contract (docs/api.md): `/api/messages.json`, `/api/series.json`, `/api/report.json`. A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('api', 'file', 'application/json');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
