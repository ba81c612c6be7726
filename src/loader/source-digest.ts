import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of the stages' own source files (tests left out). It goes into every
 * entry's digest, so changing the parser re-parses the mail it made, and nothing
 * needs a version number that someone must remember to bump.
 */
export function sourceDigest(folders: string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort();
    for (const name of files) hash.update(name).update('\0').update(readFileSync(join(folder, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
