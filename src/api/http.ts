/**
 * The transport under the billing client: one request with its token, timeout, retries and
 * errors. No DOM and no Lit.
 *
 * - `Authorization: Bearer` from `getToken()`; on a 401 the token is asked for once more
 *   (`{refresh: true}`) and the request repeated when a new one comes back — a POST too,
 *   since the service refused it and ran nothing.
 * - `credentials: 'omit'`, `cache: 'no-store'`, `redirect: 'error'` (a 3xx is an error,
 *   never followed); `Accept-Language` when the caller has a language; a timeout per
 *   attempt merged with the caller's `AbortSignal`. A caller's abort is rethrown untouched.
 * - GETs are retried on network errors, 5xx and 429 (honouring `Retry-After`), at most
 *   three attempts with jittered exponential backoff. POSTs are never retried.
 * - Every failure is a `BillingError`; no token appears in a URL, a message or details.
 */
import { BillingError, type BillingErrorKind } from './errors.js';
import type { Route } from './routes.js';
import { redact, serviceCode } from '../security/redact.js';
import type { BillingClientOptions, TokenSource } from './client.js';

const MAX_MESSAGE_LENGTH = 300;

/** Sleep that ends early (rejecting with the signal's reason) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function kindOfStatus(status: number): BillingErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 429:
      return 'rate-limited';
    default:
      return 'http';
  }
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html|xml/i.test(contentType) || /^\s*</.test(text);
}

/** The service's own message and code, from any error shape the contract allows. */
function serviceError(text: string, contentType: string): { message?: string; code?: string } {
  if (!text.trim() || looksLikeHtml(text, contentType)) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: text };
  }
  if (typeof body === 'string') return { message: body };
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const error = record['error'];
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  if (error && typeof error === 'object') {
    const inner = error as Record<string, unknown>;
    return { message: str(inner['message']), code: str(inner['code']) } as { message?: string; code?: string };
  }
  return {
    message: str(error) ?? str(record['message']) ?? str(record['detail']) ?? str(record['title']),
    code: str(record['code']),
  } as { message?: string; code?: string };
}

function cleanMessage(message: string | undefined, secrets: readonly string[]): string | undefined {
  if (!message) return undefined;
  let text = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  text = redact(text, secrets);
  if (text.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  return text || undefined;
}

/** A validated body, or why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; details: string };

/** How a successful answer is read. */
export interface Expect<T> {
  parse: (body: unknown) => Parsed<T>;
  /** What an empty 2xx body means; undefined → an invalid response. */
  empty?: () => T;
}

export interface Transport {
  request<T>(
    operation: string,
    method: 'GET' | 'POST',
    route: Route,
    expect: Expect<T>,
    init: { body?: Record<string, unknown>; signal?: AbortSignal | undefined; notFound?: () => T; notOffered?: () => T },
  ): Promise<T>;
}

export function createTransport(options: BillingClientOptions): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const baseDelayMs = options.retry?.baseDelayMs ?? 300;
  const maxDelayMs = options.retry?.maxDelayMs ?? 4_000;
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 10_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const secrets = options.secrets ?? (() => []);

  /**
   * The token, synchronously when the source answers synchronously: then the first fetch
   * leaves in the same task as the call, not after whatever else is queued.
   */
  function token(refresh: boolean, rejected?: string): string | undefined | Promise<string | undefined> {
    const clean = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const failed = (error: unknown): never => {
      if (error instanceof BillingError) throw error;
      throw new BillingError('unauthorized', undefined, {
        details: `the token provider failed (${error instanceof Error ? error.name : typeof error})`,
      });
    };
    let value: ReturnType<TokenSource>;
    try {
      value = options.getToken(refresh ? { refresh, rejected } : { refresh });
    } catch (error) {
      return failed(error);
    }
    return value instanceof Promise ? value.then(clean, failed) : clean(value);
  }

  const backoff = (attempt: number) => {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  };

  /** One attempt: fetch and read the body under one timeout. */
  async function attempt(url: URL, init: RequestInit, signal: AbortSignal | undefined) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchImpl(url, { ...init, signal: timeout.signal });
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) {
        throw new BillingError('timeout', undefined, { details: `no answer within ${timeoutMs} ms` });
      }
      throw new BillingError('network', undefined, {
        details: error instanceof Error ? `${error.name}: ${error.message}` : 'fetch failed',
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function request<T>(
    operation: string,
    method: 'GET' | 'POST',
    route: Route,
    expect: Expect<T>,
    init: { body?: Record<string, unknown>; signal?: AbortSignal | undefined; notFound?: () => T; notOffered?: () => T },
  ): Promise<T> {
    const { signal } = init;
    if (signal?.aborted) throw signal.reason;
    const maxAttempts = method === 'GET' ? attempts : 1;
    const first = token(false);
    let bearer = first instanceof Promise ? await first : first;
    let refreshed = false;
    const body = method === 'POST' ? JSON.stringify({ ...init.body, ...route.body }) : undefined;
    const language = options.locale?.();

    for (let tries = 1; ; tries++) {
      if (!bearer) throw new BillingError('unauthorized', undefined, { details: `${operation}: no token` });
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${bearer}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (language) headers['Accept-Language'] = language;
      // A 3xx is an error: a redirect is never followed, least of all to another origin.
      const requestInit: RequestInit = { method, headers, credentials: 'omit', cache: 'no-store', redirect: 'error' };
      if (body !== undefined) requestInit.body = body;

      let result: Awaited<ReturnType<typeof attempt>>;
      try {
        result = await attempt(route.url, requestInit, signal);
      } catch (error) {
        if (error instanceof BillingError && error.kind === 'network' && tries < maxAttempts) {
          await sleep(backoff(tries), signal);
          continue;
        }
        throw error;
      }
      const { response, text } = result;
      const contentType = response.headers.get('content-type') ?? '';

      if (response.status === 401 && !refreshed) {
        refreshed = true;
        const next = await token(true, bearer);
        if (next && next !== bearer) {
          bearer = next;
          tries--; // a refreshed token is not a retry
          continue;
        }
      }

      if (response.ok) return parseSuccess(operation, text, contentType, expect, [bearer, ...secrets()]);
      if (response.status === 404 && init.notFound) return init.notFound();
      // An optional operation the service does not offer (contract 1.1): 404 or 405.
      if ((response.status === 404 || response.status === 405) && init.notOffered) return init.notOffered();

      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const service = serviceError(text, contentType);
      const kind = kindOfStatus(response.status);
      const message = cleanMessage(service.message, [bearer, ...secrets()]);
      const code = serviceCode(service.code);
      const error = new BillingError(kind, message, {
        status: response.status,
        code,
        fromService: message !== undefined,
        retryAfterMs,
        details: `${operation}: HTTP ${response.status}${code ? ` (${code})` : ''}`,
      });
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && tries < maxAttempts) {
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw error;
        await sleep(retryAfterMs ?? backoff(tries), signal);
        continue;
      }
      throw error;
    }
  }

  function parseSuccess<T>(operation: string, text: string, contentType: string, expect: Expect<T>, tokens: readonly string[]): T {
    const invalid = (details: string) =>
      new BillingError('invalid-response', undefined, { details: cleanMessage(`${operation}: ${details}`, tokens) });
    if (!text.trim()) {
      if (expect.empty) return expect.empty();
      throw invalid('empty body');
    }
    if (looksLikeHtml(text, contentType)) throw invalid('an HTML page instead of JSON');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw invalid('a body that is not JSON');
    }
    const parsed = expect.parse(body);
    if (!parsed.ok) throw invalid(parsed.details);
    return parsed.value;
  }

  return { request };
}
