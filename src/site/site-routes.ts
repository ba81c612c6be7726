/** Every page's data and key (routes/index.ts), computed once per build from the content store. */
import { loadDigests, loadReview } from './archive.ts';
import { siteRoutes, type ListRoutes, type SiteRoutes } from './routes/index.ts';
import type { BucketPageData } from './routes/list-pages.ts';
import { loadSearchIndex, loadSearchRows } from './search.ts';

let routes: Promise<SiteRoutes> | undefined;

export function loadRoutes(): Promise<SiteRoutes> {
  routes ??= (async () =>
    siteRoutes({ review: await loadReview(), digests: await loadDigests(), searchRows: await loadSearchRows(), searchIndex: await loadSearchIndex() }))();
  return routes;
}

/** What a bucket-page route gets: the page's data, or the target a numbered page of an earlier build forwards to. */
export type BucketProps<Row> = {
  page?: BucketPageData<Row>;
  forward?: string;
};

/** `getStaticPaths` of a list's bucket pages and numbered forwards, with their keys. */
export function bucketPaths<Row>({ pages, aliases }: ListRoutes<Row>): { params: { page: string }; props: BucketProps<Row>; cacheKey: string }[] {
  return [
    ...pages.map(({ param, data, key }) => ({ params: { page: param }, props: { page: data }, cacheKey: key })),
    ...aliases.map(({ param, data, key }) => ({ params: { page: param }, props: { forward: data.target }, cacheKey: key })),
  ];
}
