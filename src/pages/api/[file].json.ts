import type { APIRoute, GetStaticPaths } from 'astro';
import { keyedPaths, pageData } from '../../site/site-routes.ts';

/** The data contract (docs/api.md): `/api/messages.json`, `/api/series.json`, `/api/report.json`. */
export const getStaticPaths = (async () => keyedPaths('api', 'file')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await pageData.api((props as { param: string }).param), { headers: { 'Content-Type': 'application/json' } });
