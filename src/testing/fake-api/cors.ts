/**
 * CORS as contract 1.1 asks of a service on another origin than the page: preflights
 * answered, `Authorization`, `Content-Type` and `Accept-Language` allowed, `Retry-After`
 * exposed, and preflights cached for 600 s.
 */
import type { FakeResponse } from './types.js';

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Accept-Language';
export const CORS_EXPOSE_HEADERS = 'Retry-After';
export const CORS_MAX_AGE = '600';

/** The CORS headers for a request from `origin` (none without an Origin header). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    'access-control-max-age': CORS_MAX_AGE,
    vary: 'Origin',
  };
}

/** Adds the CORS headers for `origin` to an answer (the answer's own headers win). */
export function withCors(origin: string | undefined, response: FakeResponse): FakeResponse {
  return { ...response, headers: { ...corsHeaders(origin), ...response.headers } };
}

export const preflight = (): FakeResponse => ({ status: 204, headers: {}, body: '' });
