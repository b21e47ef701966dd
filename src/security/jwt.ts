/**
 * Reads a JWT's claims for expiry only. It never verifies the signature: the billing
 * service does that. A token may also be opaque (contract 1.1): it is sent as it is and its
 * expiry is learned from a 401. A token that looks like a JWT (`eyJ….….…`) but does not
 * decode, or that no HTTP header can carry, is a `config` error.
 */
import { BillingError } from '../api/errors.js';

export interface TokenClaims {
  /** The account id the token is for. */
  acc?: string;
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  [claim: string]: unknown;
}

/** Tolerance for clock skew between this browser and the token's issuer. */
export const EXPIRY_LEEWAY_SECONDS = 30;
/** An `exp` above this (year 5138 in seconds) is milliseconds by mistake: malformed. */
const MAX_EXP_SECONDS = 1e11;

function malformed(details: string): never {
  throw new BillingError('config', 'The token is not a valid JWT.', { code: 'invalid_token', details: `malformed token: ${details}` });
}

function base64UrlDecode(part: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) malformed('not base64url');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return malformed('not base64url');
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return malformed('not UTF-8');
  }
}

/** Decodes the payload of a JWT. Throws a `config` BillingError when the token is malformed. */
export function decodeJwt(token: string): TokenClaims {
  if (typeof token !== 'string') malformed('not a string');
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) malformed('not three parts');
  let payload: unknown;
  let header: unknown;
  try {
    header = JSON.parse(base64UrlDecode(parts[0]));
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch (error) {
    if (error instanceof BillingError) throw error;
    return malformed('not JSON');
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) malformed('header is not an object');
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) malformed('payload is not an object');
  const claims = payload as TokenClaims;
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp) || claims.exp <= 0) malformed('exp is not a number');
    if (claims.exp > MAX_EXP_SECONDS) malformed('exp is in milliseconds');
  }
  if (claims.acc !== undefined && typeof claims.acc !== 'string') malformed('acc is not a string');
  return claims;
}

/** When the token expires (ms since epoch), or undefined when it has no `exp`. */
export function tokenExpiry(token: string): number | undefined {
  const { exp } = decodeJwt(token);
  return exp === undefined ? undefined : exp * 1000;
}

/** A JWT by its shape: three base64url parts, the header a JSON object (`eyJ` is `{"`). */
export function isJwtShaped(token: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token.trim());
}

/**
 * Checks a token before it is sent: visible ASCII only (what an `Authorization` header can
 * carry), and a JWT-shaped one must decode. Throws a `config` BillingError otherwise.
 */
export function validateToken(token: string): void {
  if (!/^[\x21-\x7e]{1,8192}$/.test(token.trim())) {
    throw new BillingError('config', 'The token is not valid.', { code: 'invalid_token', details: 'malformed token: not printable ASCII' });
  }
  if (isJwtShaped(token)) decodeJwt(token);
}

/** True once a JWT's `exp` (plus the leeway) has passed; an opaque token's expiry is unknown (false). */
export function isTokenExpired(token: string, now = Date.now(), leewaySeconds = EXPIRY_LEEWAY_SECONDS): boolean {
  if (!isJwtShaped(token)) return false;
  const expiry = tokenExpiry(token);
  return expiry !== undefined && now >= expiry + leewaySeconds * 1000;
}

/** The account id (`acc`) the token is for, if it says. */
export function tokenAccount(token: string): string | undefined {
  return decodeJwt(token).acc;
}
