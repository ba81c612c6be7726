import type { APIRoute, GetStaticPaths } from 'astro';
import { readRawMail } from '../../../loader/raw-store.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** Each mail a message page shows, exactly as archived: `/m/<slug>/raw.txt`, then `raw-2.txt` … for the variants. */
export const getStaticPaths = (async () => keyedPaths('rawMails', 'slug', 'raw')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(readRawMail((await pageData.rawMail((props as { param: string }).param)).key), { headers: { 'Content-Type': 'text/plain' } });
