import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One source file that goes into the digest: its path (relative to its stage folder) and text. */
export interface SourceFile {
  name: string;
  text: Uint8Array | string;
}

/**
 * `path@version` of every package in a package-lock.json (its `packages` entries, such as
 * `node_modules/shiki@4.6.0`), sorted.
 * Dev-only packages are left out: type checkers and test tools never touch a page, and
 * bumping one should not re-parse a whole archive.
 */
export function dependencyVersions(lockfile: string): string[] {
  const { packages = {} } = JSON.parse(lockfile) as { packages?: Record<string, { version?: string; dev?: boolean }> };
  return Object.entries(packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && entry.version !== undefined)
    .map(([path, entry]) => `${path}@${entry.version}`)
    .sort();
}

/** The digest of the stages' sources and the dependency versions they run with. */
export function digestOf(sources: SourceFile[], dependencies: string[]): string {
  const hash = createHash('sha256');
  for (const { name, text } of sources) hash.update(name).update('\0').update(text).update('\0');
  hash.update('dependencies\0');
  for (const dependency of dependencies) hash.update(dependency).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Relative imports of a module's source: `from './x.ts'`, `import('./x.ts')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.\.?\/[^'"\n]{1,200})['"]/g;

/** A module and every module it imports by relative path, transitively, as absolute paths, sorted. */
export function moduleClosure(entry: string): string[] {
  const found = new Set<string>();
  const pending = [resolve(entry)];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (found.has(path) || !existsSync(path)) continue;
    found.add(path);
    for (const match of readFileSync(path, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(resolve(dirname(path), match[1]!));
  }
  return [...found].sort();
}

/**
 * A digest of the stages' own source files (tests left out) and of the modules of other
 * folders they import (`modules`, with their imports: the loader reads a body's review facts
 * with `src/archive/body-facts.ts`), the versions of the packages they use (from `lockfile`,
 * package-lock.json) and of Node. It goes into every entry's digest, so changing the parser
 * or upgrading shiki or postal-mime re-parses the mail it made, and nothing needs a version
 * number that someone must remember to bump.
 */
export function sourceDigest(folders: string[], lockfile: string, modules: string[] = []): string {
  const sources: SourceFile[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort();
    for (const name of files) {
      seen.add(resolve(folder, name));
      sources.push({ name, text: readFileSync(join(folder, name)) });
    }
  }
  const root = folders[0] ? dirname(resolve(folders[0])) : '/';
  for (const path of modules.flatMap(moduleClosure)) {
    if (seen.has(path)) continue;
    seen.add(path);
    sources.push({ name: relative(root, path), text: readFileSync(path) });
  }
  // Without a lockfile (another package manager) only the sources and Node are known.
  const dependencies = existsSync(lockfile) ? dependencyVersions(readFileSync(lockfile, 'utf8')) : [];
  return digestOf(sources, [...dependencies, `node@${process.versions.node}`]);
}
