import type { APIRoute, GetStaticPaths } from 'astro';
import { mboxFile } from '../../../download/files.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** A thread's mails as archived, oldest first, as one mboxrd: `/m/<slug>/t.mbox` in the folder of its root (or oldest archived message). */
export const getStaticPaths = (async () => keyedPaths('threadMboxes', 'slug')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(mboxFile((await pageData.threadMbox((props as { param: string }).param)).keys), { headers: { 'Content-Type': 'application/mbox' } });
