/**
 * Body rendering speed, on one core, with full highlighting:
 *
 *   node_modules/.bin/node bench/render.ts [path]
 *
 * `path` is a mail file or folder; by default the whole linux-leds archive, unpacked once into
 * the system's temp folder. Loading and parsing are timed apart from rendering. Prints messages
 * per second (goal: 300 or more) and the five slowest mails (goal: none over one second), by the
 * clock and by this thread's CPU time, which a machine shared with other work changes less.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderBody } from '../src/render/index.ts';
import { corpusPath, loadMail } from '../src/testing/corpus.ts';

/** The linux-leds archive unpacked into the temp folder, unpacked on first use. */
function defaultArchive(): string {
  const folder = join(tmpdir(), 'sheaf-render-bench');
  const mbox = join(folder, 'linux-leds.mbox');
  if (!existsSync(mbox)) {
    mkdirSync(folder, { recursive: true });
    console.log(`unpacking the linux-leds archive into ${folder}…`);
    execFileSync('sh', ['-c', 'xz -dkc "$0" > "$1.part" && mv "$1.part" "$1"', corpusPath('lore-linux-leds/linux-leds.mbox.xz'), mbox]);
  }
  return mbox;
}

const path = process.argv[2] ?? defaultArchive();
let started = performance.now();
const { records, bodies } = await loadMail(path);
console.log(`loaded ${records.length} messages (${(statSync(path).size / 1024 ** 2).toFixed(0)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

interface Timing {
  ms: number;
  subject: string;
  bytes: number;
}
const timings: Timing[] = [];
let html = 0;
started = performance.now();
const cpuStarted = process.threadCpuUsage();
for (const record of records) {
  const body = bodies.get(record.key)!;
  const start = performance.now();
  const out = await renderBody(body, { idPrefix: `${record.key.slice(0, 8)}-` });
  timings.push({ ms: performance.now() - start, subject: record.subject, bytes: body.text.length + body.inline.reduce((sum, part) => sum + part.text.length, 0) });
  html += out.length;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.threadCpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const sorted = timings.map((timing) => timing.ms).sort((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);

console.log(`rendered ${timings.length} bodies in ${seconds.toFixed(1)} s: ${(timings.length / seconds).toFixed(0)} messages/s (goal ≥ 300)`);
console.log(`CPU time of this thread: ${cpuSeconds.toFixed(1)} s, ${(timings.length / cpuSeconds).toFixed(0)} messages per CPU second`);
console.log(`per message: median ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms; HTML out ${(html / 1024 ** 2).toFixed(0)} MiB`);
console.log('slowest five (goal: none over 1000 ms):');
for (const timing of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
  console.log(`  ${timing.ms.toFixed(0).padStart(6)} ms  ${(timing.bytes / 1024).toFixed(0).padStart(5)} KiB  ${timing.subject.slice(0, 90)}`);
}
