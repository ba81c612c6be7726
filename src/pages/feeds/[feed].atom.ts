import type { APIRoute, GetStaticPaths } from 'astro';
import { feedXml } from '../../feed/feed-file.ts';
import { keyedPaths, pageData } from '../../site/site-routes.ts';

/** The archive's Atom feeds: `/feeds/series.atom` (new series), `/feeds/messages.atom` (new messages). */
export const getStaticPaths = (async () => keyedPaths('archiveFeeds', 'feed')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(feedXml(await pageData.archiveFeed((props as { param: string }).param)), { headers: { 'Content-Type': 'application/atom+xml' } });
