import type { APIRoute, GetStaticPaths } from 'astro';
import { keyedPaths, pageData } from '../../site/site-routes.ts';

/**
 * The static search index: `/search/manifest.json`, `/search/t/<shard>.json`, … A build places
 * these files beside the pages itself (src/build/placed-files.ts), so they are routes of the dev
 * server only.
 */
export const getStaticPaths = (async () => (import.meta.env.DEV ? keyedPaths('searchFiles', 'path') : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response((await pageData.searchFile((props as { param: string }).param)).json, { headers: { 'Content-Type': 'application/json' } });
