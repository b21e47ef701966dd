/**
 * The framework examples' pages: each example's production build served as static files on
 * `http://localhost:PORT`, the fake billing service on `http://127.0.0.1:PORT` (real CORS).
 * The only module of the examples' tests that imports the fake service (one path to move).
 */
import { serveDirectory } from './servers.js';
import { startFakeBillingServer, type RunningFakeServer } from '../../src/testing/fake-api/node.js';
export { createRemoteScenario, type RemoteScenario } from '../../src/testing/fake-api/remote.js';

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` (a production build); unknown paths without an extension get index.html (SPA routing). */
export function serveStatic(root: string): Promise<StaticSite> {
  return serveDirectory(root, {}, { spa: true });
}

export function startFakeService(): Promise<RunningFakeServer> {
  return startFakeBillingServer();
}
