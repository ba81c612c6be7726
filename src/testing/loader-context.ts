/**
 * The part of Astro's loader context the mail loader uses, kept in memory: for the loader's
 * tests and for `bench/loader.ts`, which run the loader without Astro.
 */
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';

/** A content store entry, as the loader writes it. */
export interface StoreEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

/** A loader context over `entries` (the store), logging into `logs` (warnings as `warn: …`); `project` is the repository root. */
export function memoryLoaderContext(entries: Map<string, StoreEntry>, logs: string[], project: URL): LoaderContext {
  return {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoreEntry) => {
        if (entries.get(entry.id)?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    logger: { info: (line: string) => logs.push(line), warn: (line: string) => logs.push(`warn: ${line}`) },
    // Astro digests with xxhash; any string digest serves here.
    generateDigest: (data: string) => createHash('sha1').update(data).digest('hex').slice(0, 16),
    config: { root: project, srcDir: new URL('src/', project) },
  } as unknown as LoaderContext;
}
