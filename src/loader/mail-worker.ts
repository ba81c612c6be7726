/**
 * A worker thread of the mail pool (mail-pool.ts): says it is ready once its modules have
 * loaded, then loads each mail it is sent, one at a time, and answers with the outcome. Its
 * shiki highlighter is made on first use, one per thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadMail, type MailTask } from './mail-work.ts';

if (!parentPort) throw new Error('mail-worker.ts runs as a worker thread of the mail pool');
const port = parentPort;
port.on('message', async (task: MailTask) => port.postMessage(await loadMail(task)));
port.postMessage('ready');
