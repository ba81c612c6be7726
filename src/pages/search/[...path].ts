import type { APIRoute, GetStaticPaths } from 'astro';
import { loadRoutes } from '../../site/site-routes.ts';

/** The static search index: `/search/manifest.json`, `/search/t/<shard>.json`, … */
export const getStaticPaths = (async () =>
  (await loadRoutes()).searchFiles.map(({ param, data, key }) => ({ params: { path: param }, props: { json: data }, cacheKey: key }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { 'Content-Type': 'application/json' } });
