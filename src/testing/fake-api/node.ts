/**
 * Node adapter of the fake billing service: a connect-style middleware (vite dev server,
 * test runner) and a standalone HTTP server on its own origin (real CORS in tests).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeBillingService } from './service.js';
import type { FakeResponse } from './types.js';

type Next = (error?: unknown) => void;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function send(req: IncomingMessage, res: ServerResponse, response: FakeResponse): Promise<void> {
  if (response.delayMs) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, response.delayMs);
      req.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (req.socket.destroyed) return;
  }
  if (response.network) {
    req.socket.destroy();
    return;
  }
  if (response.hang) return; // left open until the client gives up and closes the socket
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

export function fakeBillingMiddleware(service: FakeBillingService) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const host = req.headers.host ?? 'localhost';
    const url = `http://${host}${req.url ?? '/'}`;
    readBody(req)
      .then((body) => service.handle({ method: req.method ?? 'GET', url, headers: headersOf(req), body }))
      .then((response) => (response ? send(req, res, response) : next()))
      .catch(next);
  };
}

export interface RunningFakeServer {
  origin: string;
  service: FakeBillingService;
  server: Server;
  close(): Promise<void>;
}

/** Starts the fake on its own origin (default 127.0.0.1 on a free port). */
export async function startFakeBillingServer(
  options: { port?: number; host?: string; service?: FakeBillingService } = {},
): Promise<RunningFakeServer> {
  const service = options.service ?? new FakeBillingService();
  const middleware = fakeBillingMiddleware(service);
  const server = createServer((req, res) =>
    middleware(req, res, (error) => {
      res.writeHead(error ? 500 : 404, { 'content-type': 'text/plain' });
      res.end(error ? 'fake billing service error' : 'not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    service,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
