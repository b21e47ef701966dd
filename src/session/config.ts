/**
 * What a host element gives its session, and the key that decides when a new session
 * starts: the base URL, the route style and account, and the token — or only the fact
 * that a `tokenProvider` is present, never the provider function's identity (a parent
 * that re-renders hands a new arrow every time; that is the same configuration).
 */
import type { OwnerAction } from '../events/billing-action-event.js';
import { tokenAccount } from '../security/jwt.js';

export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;
export type Theme = 'light' | 'dark' | 'auto';

export interface BillingConfig {
  baseUrl?: string | undefined;
  token?: string | undefined;
  accountId?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
  locale?: string | undefined;
  theme?: Theme | undefined;
  readOnly?: boolean | undefined;
  /** The `actions` allow-list, space-separated; absent: every action. */
  actions?: string | undefined;
  /** Per request, in ms. */
  timeout?: number | undefined;
  redirectHosts?: string | undefined;
  successUrl?: string | undefined;
  cancelUrl?: string | undefined;
  returnUrl?: string | undefined;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 120_000;

/** The `timeout` attribute when it is a number of ms within 1 s–120 s; the default otherwise. */
export function requestTimeout(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_TIMEOUT_MS && value <= MAX_TIMEOUT_MS
    ? value
    : DEFAULT_TIMEOUT_MS;
}

const clean = (value: string | undefined) => value?.trim() || undefined;

export const OWNER_ACTIONS: readonly OwnerAction[] = ['checkout', 'portal', 'invoice', 'sync', 'change', 'cancel', 'resume'];

/**
 * The actions offered: none when read-only; every one when `actions` is absent; else the
 * known names of the space-separated list (`actions=""` offers none, unknown names are ignored).
 */
export function allowedActions(config: BillingConfig): ReadonlySet<OwnerAction> {
  if (config.readOnly) return new Set();
  if (config.actions === undefined || config.actions === null) return new Set(OWNER_ACTIONS);
  const asked = new Set(String(config.actions).toLowerCase().split(/[\s,]+/));
  return new Set(OWNER_ACTIONS.filter((action) => asked.has(action)));
}

/** '' when there is nothing to connect to; otherwise one string per distinct configuration. */
export function sessionKey(config: BillingConfig): string {
  const baseUrl = clean(config.baseUrl);
  const token = clean(config.token);
  if (!baseUrl || (!token && !config.tokenProvider)) return '';
  return JSON.stringify([baseUrl, clean(config.accountId) ?? null, token ?? null, Boolean(config.tokenProvider), requestTimeout(config.timeout)]);
}

/**
 * Which account a configuration is for, as far as this browser can tell: the base URL with
 * the `account-id`, else the JWT's `acc` claim (an opaque token names no account).
 */
export function accountKey(config: BillingConfig): string {
  let account = clean(config.accountId);
  const token = clean(config.token);
  if (!account && token) {
    try {
      account = tokenAccount(token);
    } catch {
      // an opaque token: the base URL alone
    }
  }
  return `${clean(config.baseUrl) ?? ''}#${account ?? ''}`;
}
