/**
 * Cold and warm build of a whole list: wall time, peak memory and the loader's counts.
 * Run by hand: `node_modules/.bin/node bench/build.ts [content path]`. Without a path it
 * unpacks the whole linux-leds archive (23,200 messages) from the shared corpus to a
 * temporary folder. The build goes to a temporary output folder with its own caches.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sheaf-bench-build-'));

function wholeList(): string {
  const folder = join(scratch, 'content');
  mkdirSync(folder);
  const archive = join(project, '../shared/corpus/lore-linux-leds/linux-leds.mbox.xz');
  writeFileSync(join(folder, 'linux-leds.mbox'), execFileSync('xz', ['-dc', archive], { maxBuffer: 1024 ** 3 }));
  return folder;
}

const content = process.argv[2] ?? wholeList();
const env = {
  ...process.env,
  SHEAF_CONTENT: content,
  SHEAF_OUT: join(scratch, 'dist'),
  SHEAF_CACHE: join(scratch, 'cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
};

function build(label: string): void {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    env,
    encoding: 'utf8',
    maxBuffer: 1024 ** 3,
  });
  const seconds = (performance.now() - started) / 1000;
  const log = run.stdout + run.stderr;
  if (run.status !== 0) throw new Error(`${label} build failed:\n${log.slice(-4000)}`);
  const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? NaN);
  const loader = /\[sheaf-mail-loader\] (.*)/.exec(log)?.[1] ?? '?';
  const summary = /\[sheaf-build-summary\] (.*)/.exec(log)?.[1] ?? '?';
  console.log(`${label}: ${seconds.toFixed(1)} s wall, peak RSS ${(peakKiB / 1024 ** 2).toFixed(2)} GiB`);
  console.log(`  loader: ${loader}`);
  console.log(`  summary: ${summary}`);
}

try {
  console.log(`content: ${content}`);
  build('cold');
  build('warm');
} finally {
  if (existsSync(scratch)) rmSync(scratch, { recursive: true, force: true });
}
