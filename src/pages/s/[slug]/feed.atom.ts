import type { APIRoute, GetStaticPaths } from 'astro';
import { feedXml } from '../../../feed/feed-file.ts';
import { keyedPaths, pageData } from '../../../site/site-routes.ts';

/** A series' Atom feed: its new versions, its cover letter and patches, and their replies. */
export const getStaticPaths = (async () => keyedPaths('seriesFeeds', 'slug')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(feedXml(await pageData.seriesFeed((props as { param: string }).param)), { headers: { 'Content-Type': 'application/atom+xml' } });
