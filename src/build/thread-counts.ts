/**
 * How many threads the route data made pages for and how many it kept from the last build
 * (src/site/routes/thread-pages.ts), handed to the build's end (integration.ts) in the same
 * process: the route data runs from Astro's bundle, a module instance of its own.
 */
export interface ThreadCounts {
  threads: number;
  kept: number;
}

const COUNTS = Symbol.for('sheaf.threadCounts');
type Holder = { [COUNTS]?: ThreadCounts };

export function reportThreadCounts(counts: ThreadCounts): void {
  (globalThis as Holder)[COUNTS] = counts;
}

/** What the route data reported; none when it computed no page's data. */
export function threadCounts(): ThreadCounts {
  return (globalThis as Holder)[COUNTS] ?? { threads: 0, kept: 0 };
}
