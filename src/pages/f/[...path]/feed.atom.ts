import type { APIRoute, GetStaticPaths } from 'astro';
import { feedXml } from '../../../feed/feed-file.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** A file's or folder's Atom feed: the patches touching it. */
export const getStaticPaths = (async () => keyedPaths('fileFeeds', 'path')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(feedXml(await pageData.fileFeed((props as { param: string }).param)), { headers: { 'Content-Type': 'application/atom+xml' } });
