/** A search index base cache held in memory (build-index.ts `BaseCache`), for tests and benchmarks. */
import type { BaseCache, KeptBase } from '../search/build-index.ts';
import type { MailTerms } from '../search/mail-terms.ts';

export function memoryBaseCache(keptTerms: (key: string) => MailTerms | null): BaseCache & { puts: number } {
  let kept: (KeptBase & { digest: string }) | null = null;
  return {
    puts: 0,
    get: (digest) => (kept?.digest === digest ? kept.files : null),
    put(digest, files, entries) {
      this.puts++;
      kept = { digest, files, entries };
      return null;
    },
    last: () => kept,
    keptTerms,
  };
}
