import type { APIRoute, GetStaticPaths } from 'astro';
import { mboxFile } from '../../../download/files.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** A series' archived patches in order, exactly as sent, as one mboxrd. */
export const getStaticPaths = (async () => keyedPaths('plainSeriesMboxes', 'slug')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(mboxFile((await pageData.plainSeriesMbox((props as { param: string }).param)).keys), { headers: { 'Content-Type': 'application/mbox' } });
