/**
 * Who is asking: the bearer token is the scenario's unsigned test JWT (`acc`, `role`, `exp`)
 * or one of its opaque tokens. Only the account's owner may read or act (403 otherwise);
 * a missing, unknown or expired token is a 401.
 */
import { error } from './responses.js';
import type { Scenario } from './scenario.js';
import { readTestToken } from './tokens.js';
import type { FakeResponse, Route } from './types.js';

interface Caller {
  account: unknown;
  role: unknown;
  expired: boolean;
}

function callerOf(scenario: Scenario, token: string): Caller | undefined {
  const opaque = scenario.opaqueTokens.get(token);
  if (opaque) return { account: scenario.accountId, role: opaque.role, expired: opaque.expired };
  const claims = readTestToken(token);
  if (!claims) return undefined;
  return { account: claims.acc, role: claims.role, expired: typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now() };
}

/** The error answer for a caller who may not use `route`, or undefined when the owner asks. */
export function authorize(scenario: Scenario, route: Route, authorization: string | undefined): FakeResponse | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const caller = match ? callerOf(scenario, match[1]!) : undefined;
  if (!caller) return error(401, 'unauthorized', 'Missing or invalid bearer token.');
  if (caller.expired) return error(401, 'token_expired', 'The token has expired.');
  if (caller.account !== scenario.accountId || (route.pathAccount !== undefined && route.pathAccount !== scenario.accountId)) {
    return error(403, 'not_owner', 'This token is not for this account.');
  }
  if (caller.role !== 'owner') return error(403, 'not_owner', 'Only the account owner can manage billing.');
  return undefined;
}
