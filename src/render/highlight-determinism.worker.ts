/**
 * Test support for highlight-determinism.test.ts: a fresh thread, with a highlighter of its
 * own as each worker of the build has, renders `workerData.first` (to load their languages),
 * then `workerData.bodies`, and posts the HTML of the latter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MailBody } from '../parse/types.ts';
import { renderBody } from './index.ts';

const { first, bodies } = workerData as { first: MailBody[]; bodies: MailBody[] };
for (const body of first) await renderBody(body);
const html: string[] = [];
for (const body of bodies) html.push(await renderBody(body));
parentPort!.postMessage(html);
