import { resolve } from 'node:path';

/** The content folder (or single file) to build from: `SHEAF_CONTENT`, else `content/`. */
export function contentPath(): string {
  return resolve(process.env.SHEAF_CONTENT || 'content');
}
