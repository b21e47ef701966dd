/**
 * The framework examples' pages: each example's production build served as static files on
 * `http://localhost:PORT`, the fake billing service on `http://127.0.0.1:PORT` (real CORS).
 * The only module of the examples' tests that imports the fake service (one path to move).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { startFakeBillingServer, type RunningFakeServer } from '../../src/testing/fake-api/node.js';
export { createRemoteScenario, type RemoteScenario } from '../../src/testing/fake-api/remote.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` (a production build); unknown paths without an extension get index.html (SPA routing). */
export async function serveStatic(root: string): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = extname(path) ? '' : join(root, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function startFakeService(): Promise<RunningFakeServer> {
  return startFakeBillingServer();
}
