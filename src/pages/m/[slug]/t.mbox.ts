import { placedFileRoute } from '../../../site/site-routes.ts';

/** A thread's mails as archived, oldest first, as one mboxrd: `/m/<slug>/t.mbox` in the folder of its root (or oldest archived message). A build places it beside the pages (src/build/placed-files.ts): a route of the dev server only. */
const route = placedFileRoute('threadMbox', 'slug', 'application/mbox');
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
