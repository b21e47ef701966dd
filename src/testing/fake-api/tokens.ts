/**
 * Unsigned test JWTs (`alg: none`) for the fake billing service: `acc` is the account,
 * `exp` the expiry in seconds, `role` the caller's role (`owner` may manage billing).
 */
export interface TestTokenClaims {
  acc: string;
  role?: string;
  /** Seconds since the epoch; default one hour from now. */
  exp?: number;
  sub?: string;
}

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function makeTestToken(claims: TestTokenClaims): string {
  const payload = { sub: 'user_owner', role: 'owner', exp: Math.floor(Date.now() / 1000) + 3600, ...claims };
  return `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}.`;
}

/** The fake's own, independent reading of a token (it must not share code with src/). */
export function readTestToken(token: string): { acc?: unknown; role?: unknown; exp?: unknown } | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
