/** Small helpers the fake's handlers share: answers, body parsing, ids. */
import type { FakeResponse } from './types.js';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** The contract's error body: `{error: {code, message}}`. */
export function error(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse {
  return json(status, { error: { code, message } }, headers);
}

export function html(status: number, body: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

/** A browser redirect after a form post (the fake Stripe pages). */
export function seeOther(location: string): FakeResponse {
  return { status: 303, headers: { location }, body: '' };
}

export function parseBody(body: string): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'x'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(++counter).toString(36)}`;
