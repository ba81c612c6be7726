import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSearchIndex } from '../../site/search.ts';

/** The static search index: `/search/manifest.json`, `/search/t/<shard>.json`, … */
export const getStaticPaths = (async () =>
  (await loadSearchIndex()).map((file) => ({ params: { path: file.path }, props: { json: file.json } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { 'Content-Type': 'application/json' } });
