import type { APIRoute, GetStaticPaths } from 'astro';
import { gzipFile, mboxFile } from '../../../download/files.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** The thread's mbox (t.mbox), gzipped. */
export const getStaticPaths = (async () => keyedPaths('threadMboxes', 'slug')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(gzipFile(mboxFile((await pageData.threadMbox((props as { param: string }).param)).keys)), { headers: { 'Content-Type': 'application/gzip' } });
