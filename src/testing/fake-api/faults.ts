/**
 * Injected faults: the answers of a broken, slow or misconfigured service — HTTP errors,
 * HTML error pages, malformed JSON, schema drift, hangs, dropped connections, redirects to
 * another origin and lists far longer than asked for.
 */
import { error } from './responses.js';
import type { Scenario } from './scenario.js';
import type { Fault, FakeResponse } from './types.js';

/** The first fault of the scenario for `operation`, counted down when it has `times`. */
export function takeFault(scenario: Scenario, operation: string): Fault | undefined {
  const index = scenario.faults.findIndex((f) => !f.operation || f.operation === '*' || f.operation === operation);
  if (index < 0) return undefined;
  const fault = scenario.faults[index]!;
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) scenario.faults.splice(index, 1);
  }
  return fault;
}

/** Whether the fault alters the real answer (schema drift, a list that ignores `limit`). */
export const alters = (fault: Fault) => fault.kind === 'drift' || fault.kind === 'oversize';

/** Whether the fault replaces the answer (the others alter it, or only delay it). */
export const replacesAnswer = (fault: Fault) => !alters(fault) && Boolean(fault.kind || fault.status);

/** The same URL on another origin: 127.0.0.1 ↔ localhost, else a `login.` subdomain (an SSO gateway's redirect). */
export function elsewhere(url: URL): string {
  const other = new URL(url.href);
  if (other.hostname === '127.0.0.1') other.hostname = 'localhost';
  else if (other.hostname === 'localhost') other.hostname = '127.0.0.1';
  else other.hostname = `login.${other.hostname}`;
  return `${other.origin}/__fake/echo?from=${encodeURIComponent(url.pathname)}`;
}

/** The answer of a fault that replaces the service's own. */
export function faultResponse(fault: Fault, url: URL): FakeResponse {
  const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
  const withDelay = (r: FakeResponse): FakeResponse => (fault.latencyMs ? { ...r, delayMs: fault.latencyMs } : r);
  switch (fault.kind) {
    case 'hang':
      return { status: 200, headers, body: '', hang: true };
    case 'network':
      return { status: 0, headers, body: '', network: true };
    case 'redirect':
      return withDelay({ status: fault.status ?? 302, headers: { ...headers, location: fault.location ?? elsewhere(url) }, body: '' });
    case 'malformed-json':
      return withDelay({ status: fault.status ?? 200, headers: { ...headers, 'content-type': 'application/json' }, body: '{"items": [{"id": "sub_1", ' });
    case 'html':
      return withDelay({
        status: fault.status ?? 502,
        headers: { ...headers, 'content-type': 'text/html' },
        body: '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
      });
    case 'empty':
      return withDelay({ status: fault.status ?? 200, headers, body: '' });
    default: {
      const status = fault.status ?? 500;
      if (fault.body !== undefined) {
        return withDelay({ status, headers: { ...headers, 'content-type': fault.contentType ?? 'application/json' }, body: fault.body });
      }
      return withDelay(error(status, 'injected_fault', `Injected HTTP ${status}`, headers));
    }
  }
}

/** Schema drift: the same answer with renamed and retyped fields, as a careless deploy would send. */
export function drift(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(drift);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' || key === 'key') out[key] = 42;
      else if (key === 'items') out['results'] = drift(inner);
      else if (key === 'url') out['redirect'] = inner;
      else out[key] = drift(inner);
    }
    return out;
  }
  return value;
}

/**
 * A list answer that ignores `limit`: `count` items (the page's own, repeated with distinct
 * ids, or `template`'s when the page is empty) and `has_more: true`, in the answer's list style.
 */
export function oversize(body: unknown, count: number, template: (index: number) => unknown): unknown {
  const wrapper = Array.isArray(body) ? undefined : (body as Record<string, unknown>);
  const key = wrapper && Array.isArray(wrapper['data']) ? 'data' : 'items';
  const page = (wrapper ? wrapper[key] : body) as Array<Record<string, unknown>> | undefined;
  if (!Array.isArray(page)) return body;
  const items = Array.from({ length: count }, (_, i) => {
    const item = page.length ? { ...page[i % page.length]! } : (template(i) as Record<string, unknown>);
    if (page.length && typeof item['id'] === 'string') item['id'] = `${item['id']}_${i + 1}`;
    if (page.length && typeof item['key'] === 'string') item['key'] = `${item['key']}_${i + 1}`;
    return item;
  });
  return wrapper ? { ...wrapper, [key]: items, has_more: true } : items;
}
