// A small static file server for tests, benchmarks and screenshots:
// `node scripts/serve.mjs <folder> <port> [base]`, the folder served under the base path
// (`/lists/demo/`, as sheaf.config.ts `base` says; `/` by default) and nothing outside it.
// Astro's own preview allows one server per project at a time; tests need several sites at once.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
};

export function serve(folder, port, base = '/') {
  const root = resolve(folder);
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!`${pathname}/`.startsWith(base)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not under the base path');
      return;
    }
    let path = resolve(join(root, decodeURIComponent(pathname.slice(base.length - 1))));
    if (path !== root && !path.startsWith(root + sep)) path = root; // never outside the folder
    let stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      path = join(path, 'index.html');
      stat = statSync(path, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': stat.size });
    createReadStream(path).pipe(response);
  }).listen(port, '127.0.0.1');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [folder = 'dist', port = '4321', base = '/'] = process.argv.slice(2);
  serve(folder, Number(port), base);
  console.log(`serving ${folder} at http://127.0.0.1:${port}${base}`);
}
