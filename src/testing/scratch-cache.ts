/**
 * A cache folder of a test's own: `SHEAF_CACHE` points at it while the tests around the call
 * run (file or suite), and the scratch folder holding it is removed after, the variable put back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

export function scratchCache(prefix: string): { scratch: string; cache: string } {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  const cache = join(scratch, 'cache');
  const previous = process.env.SHEAF_CACHE;
  before(() => (process.env.SHEAF_CACHE = cache));
  after(() => {
    if (previous === undefined) delete process.env.SHEAF_CACHE;
    else process.env.SHEAF_CACHE = previous;
    rmSync(scratch, { recursive: true, force: true });
  });
  return { scratch, cache };
}
