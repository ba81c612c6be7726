import { placedFileRoute } from '../../site/site-routes.ts';

/**
 * The static search index: `/search/manifest.json`, `/search/t/<shard>.json`, … A build places
 * these files beside the pages itself (src/build/placed-files.ts), so they are routes of the dev
 * server only.
 */
const route = placedFileRoute('search', 'path', 'application/json');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
