import type { APIRoute, GetStaticPaths } from 'astro';
import { amMboxFile } from '../../../download/files.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** A series for `git am`: its archived patches in order, with the trailers collected from its review and a `Link:` to each patch's page. */
export const getStaticPaths = (async () => keyedPaths('amSeriesMboxes', 'slug')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(amMboxFile((await pageData.amSeriesMbox((props as { param: string }).param)).patches), { headers: { 'Content-Type': 'application/mbox' } });
