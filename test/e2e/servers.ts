/**
 * Real pages for end-to-end tests: the built drop-in bundle served on one origin
 * (`http://localhost:PORT`) and the fake billing service on another (`http://127.0.0.1:PORT`),
 * so CORS, redirects and CSP are the browser's real ones.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { startFakeBillingServer, type RunningFakeServer } from '../../src/testing/fake-api/node.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const ROOT = process.cwd();

export interface E2EServers {
  api: RunningFakeServer;
  pageOrigin: string;
  close(): Promise<void>;
}

/** Which file a page path maps to: the bundle, node_modules for framework pages, or test/e2e/pages. */
function fileFor(path: string): string | undefined {
  if (path === '/billing-panel.js' || path === '/billing-panel.js.map' || path.startsWith('/locales/') || path.startsWith('/chunks/')) return join(ROOT, 'dist', path);
  if (path === '/react-app.js') return join(ROOT, 'test-results', 'react-app.js');
  if (path.startsWith('/bench/')) return join(ROOT, 'test/bench/pages', path.slice('/bench/'.length));
  const clean = normalize(path).replace(/^(\.\.[/\\])+/, '');
  if (clean.startsWith('/node_modules/')) return join(ROOT, clean);
  return join(ROOT, 'test/e2e/pages', clean === '/' ? 'index.html' : clean);
}

export async function startE2EServers(): Promise<E2EServers> {
  const api = await startFakeBillingServer();
  const pages: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = fileFor(url.pathname);
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (url.pathname.endsWith('strict-csp.html')) {
      headers['content-security-policy'] = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        `connect-src ${api.origin}`,
        "require-trusted-types-for 'script'",
        'trusted-types lit-html',
      ].join('; ');
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => pages.listen(0, 'localhost', resolve));
  const { port } = pages.address() as AddressInfo;
  return {
    api,
    pageOrigin: `http://localhost:${port}`,
    close: async () => {
      pages.closeAllConnections();
      await new Promise<void>((resolve) => pages.close(() => resolve()));
      await api.close();
    },
  };
}

/**
 * A directory (the built Storybook, an example's production build) served as it is on
 * `http://localhost:PORT`, plus `extra` files by path. With `spa`, an unknown path without an
 * extension gets index.html (client-side routing).
 */
export async function serveDirectory(
  root: string,
  extra: Record<string, string> = {},
  options: { spa?: boolean } = {},
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    let file = extra[path] ?? join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (options.spa && !extname(path) && !(existsSync(file) && statSync(file).isFile())) file = join(root, 'index.html');
    if (!(path in extra || file.startsWith(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    // Built assets have hashed names: cached (and their compiled code with them) from one page load to the next.
    const cache = path.startsWith('/assets/') || path.startsWith('/sb-') || path in extra ? 'max-age=3600, immutable' : 'no-store';
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
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
