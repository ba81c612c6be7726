/**
 * Search at scale, end to end: builds the whole linux-leds list (23,200 messages) and a
 * synthetic 100,000-message archive made from it (bench/synthesize.ts), then runs
 * bench/search.ts on each. Run by hand; it takes several minutes and a few GiB:
 *   node_modules/.bin/node bench/scale.ts [count ...]   (default: 23200 100000)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesize } from './synthesize.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sheaf-bench-scale-'));
const counts = process.argv.slice(2).map(Number);

function run(command: string[], env: Record<string, string>): string {
  const result = spawnSync(command[0]!, command.slice(1), { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1024 ** 3 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
  return result.stdout + result.stderr;
}

try {
  const source = join(scratch, 'linux-leds.mbox');
  writeFileSync(source, execFileSync('xz', ['-dc', join(project, '../shared/corpus/lore-linux-leds/linux-leds.mbox.xz')], { maxBuffer: 1024 ** 3 }));
  for (const count of counts.length > 0 ? counts : [23200, 100000]) {
    const content = join(scratch, `content-${count}`);
    mkdirSync(content);
    synthesize(source, count, join(content, 'archive.mbox'));
    const env = { SHEAF_CONTENT: content, SHEAF_OUT: join(scratch, `dist-${count}`), SHEAF_CACHE: join(scratch, `cache-${count}`), ASTRO_TELEMETRY_DISABLED: '1' };
    const started = performance.now();
    const log = run(['/usr/bin/time', '-v', process.execPath, join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1]) / 1024 ** 2;
    console.log(`\n== ${count} messages: built in ${((performance.now() - started) / 1000).toFixed(0)} s, peak RSS ${peak.toFixed(2)} GiB`);
    console.log(run([process.execPath, join(project, 'bench/search.ts')], env).trim());
    rmSync(join(scratch, `dist-${count}`), { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
