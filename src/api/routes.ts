/**
 * URLs of the contract's two route styles:
 * - token style (default): `{base}/api/subscriptions/…`, the account comes from the JWT;
 * - account style (an account id is configured): `{base}/api/accounts/{account_id}/subscriptions/…`,
 *   with `subscription_id` in the JSON body of change/cancel/resume/change-preview instead of the path.
 */
import { BillingError } from './errors.js';

/** The operations on one subscription; `change/preview` is optional (contract 1.1). */
export type SubscriptionAction = 'change' | 'cancel' | 'resume' | 'change/preview';

export interface Route {
  url: URL;
  /** Extra body fields the route style requires (account style: `subscription_id`). */
  body?: Record<string, string>;
}

export interface Routes {
  readonly style: 'token' | 'account';
  list(query?: { limit?: number | undefined; offset?: number | undefined; locale?: string | undefined }): Route;
  features(query?: { locale?: string | undefined }): Route;
  identity(): Route;
  merchants(query?: { locale?: string | undefined }): Route;
  checkoutSession(): Route;
  portalSession(): Route;
  checkoutSessionSync(): Route;
  sync(allowDeletes: boolean): Route;
  subscriptionAction(action: SubscriptionAction, subscriptionId: string): Route;
  invoices(query?: { limit?: number | undefined; offset?: number | undefined; locale?: string | undefined }): Route;
}

/**
 * A base URL must be absolute http(s), without credentials, query or fragment.
 */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new BillingError('config', 'The billing service address (base-url) is not a valid absolute URL.', {
      code: 'invalid_base_url',
      details: 'base-url must be an absolute http(s) URL',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BillingError('config', 'The billing service address (base-url) must start with https:// or http://.', {
      code: 'invalid_base_url',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new BillingError('config', 'The billing service address (base-url) must not contain credentials, a query or a fragment.', {
      code: 'invalid_base_url',
    });
  }
  return url;
}

/** One path segment; ids that would change the path (`.`/`..`/empty) are refused. */
export function pathSegment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new BillingError('config', `The ${what} is not valid.`, { details: `invalid ${what}` });
  }
  return encodeURIComponent(value);
}

export function createRoutes(baseUrl: string, accountId?: string | null): Routes {
  const base = parseBaseUrl(baseUrl);
  const style = accountId ? 'account' : 'token';
  // Without its trailing slash(es), so that a path prefix joins correctly.
  const root =
    base.pathname.replace(/\/+$/, '') +
    (accountId ? `/api/accounts/${pathSegment(accountId, 'account id')}/subscriptions` : '/api/subscriptions');

  const at = (path: string, query?: Record<string, string | number | boolean | undefined>): URL => {
    const url = new URL(base.origin);
    url.pathname = root + path;
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  };

  return {
    style,
    list: (query = {}) => ({ url: at('', query) }),
    features: (query = {}) => ({ url: at('/features', query) }),
    identity: () => ({ url: at('/identity') }),
    merchants: (query = {}) => ({ url: at('/merchants', query) }),
    checkoutSession: () => ({ url: at('/stripe/checkout-session') }),
    portalSession: () => ({ url: at('/stripe/portal-session') }),
    checkoutSessionSync: () => ({ url: at('/stripe/checkout-session-sync') }),
    sync: (allowDeletes) => ({ url: at('/sync', { allow_deletes: allowDeletes }) }),
    subscriptionAction: (action, subscriptionId) => {
      const segment = pathSegment(subscriptionId, 'subscription id');
      return style === 'account'
        ? { url: at(`/${action}`), body: { subscription_id: subscriptionId } }
        : { url: at(`/${segment}/${action}`) };
    },
    invoices: (query = {}) => ({ url: at('/invoices', query) }),

  };
}
