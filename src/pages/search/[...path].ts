import type { APIRoute, GetStaticPaths } from 'astro';
import { keyedPaths, pageData } from '../../site/site-routes.ts';

/** The static search index: `/search/manifest.json`, `/search/t/<shard>.json`, … */
export const getStaticPaths = (async () => keyedPaths('searchFiles', 'path')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response((await pageData.searchFile((props as { param: string }).param)).json, { headers: { 'Content-Type': 'application/json' } });
