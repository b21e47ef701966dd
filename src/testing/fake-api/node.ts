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

export interface FakeMiddlewareOptions {
  /**
   * Answer a scenario's CORS preflights after its `latencyMs` too, as a real service on
   * another origin would (a preflight is a round trip like any other). Off by default: the
   * tests that inject latency time the API requests, not the preflights.
   */
  preflightLatency?: boolean;
}

/** The latency a scenario's preflight waits for, when `preflightLatency` is on. */
function preflightDelay(service: FakeBillingService, method: string | undefined, path: string): number {
  if (method !== 'OPTIONS') return 0;
  const id = /^\/s\/([^/?]+)\//.exec(path)?.[1];
  return (id && service.scenarios.get(id)?.options.latencyMs) || 0;
}

export function fakeBillingMiddleware(service: FakeBillingService, options: FakeMiddlewareOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const host = req.headers.host ?? 'localhost';
    const url = `http://${host}${req.url ?? '/'}`;
    readBody(req)
      .then((body) => service.handle({ method: req.method ?? 'GET', url, headers: headersOf(req), body }))
      .then((response) => {
        if (!response) return next();
        const delay = options.preflightLatency ? preflightDelay(service, req.method, req.url ?? '/') : 0;
        return send(req, res, delay ? { ...response, delayMs: (response.delayMs ?? 0) + delay } : response);
      })
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
  options: { port?: number; host?: string; service?: FakeBillingService } & FakeMiddlewareOptions = {},
): Promise<RunningFakeServer> {
  const service = options.service ?? new FakeBillingService();
  const middleware = fakeBillingMiddleware(service, { preflightLatency: options.preflightLatency ?? false });
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
