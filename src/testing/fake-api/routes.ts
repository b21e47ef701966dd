/**
 * Which contract operation a request inside a scenario is: both route styles, token style
 * `/api/subscriptions/…` and account style `/api/accounts/{account_id}/subscriptions/…`.
 * Operations are named by their token-style operationId.
 */
import type { Route } from './types.js';

const SIMPLE: Record<string, [method: string, operation: string]> = {
  '': ['GET', 'listSubscriptions'],
  '/features': ['GET', 'listFeatures'],
  '/identity': ['GET', 'getIdentity'],
  '/merchants': ['GET', 'listMerchants'],
  '/invoices': ['GET', 'listInvoices'],
  '/stripe/checkout-session': ['POST', 'createCheckoutSession'],
  '/stripe/portal-session': ['POST', 'createPortalSession'],
  '/stripe/checkout-session-sync': ['POST', 'syncCheckoutSession'],
  '/sync': ['POST', 'syncSubscriptions'],
};

const ACTIONS: Record<string, string> = {
  change: 'changeSubscription',
  'change/preview': 'previewChange',
  cancel: 'cancelSubscription',
  resume: 'resumeSubscription',
};

/** `/api/…` path inside a scenario → the contract operation, or the 404/405 a service would answer. */
export function routeOf(method: string, path: string): Route | { status: 404 | 405 } {
  const token = /^\/api\/subscriptions(\/.*)?$/.exec(path);
  const account = /^\/api\/accounts\/([^/]+)\/subscriptions(\/.*)?$/.exec(path);
  const match = token ?? account;
  if (!match) return { status: 404 };
  const style = token ? 'token' : 'account';
  const rest = (token ? token[1] : account![2]) ?? '';
  const pathAccount = account ? decodeURIComponent(account[1]!) : undefined;
  const base = { style, ...(pathAccount === undefined ? {} : { pathAccount }) } as const;
  const known = SIMPLE[rest];
  if (known) return method === known[0] ? { ...base, operation: known[1] } : { status: 405 };
  if (style === 'token') {
    const action = /^\/([^/]+)\/(change|change\/preview|cancel|resume)$/.exec(rest);
    if (action) {
      if (method !== 'POST') return { status: 405 };
      return { ...base, operation: ACTIONS[action[2]!]!, subscriptionId: decodeURIComponent(action[1]!) };
    }
  } else {
    const action = /^\/(change|change\/preview|cancel|resume)$/.exec(rest);
    if (action) return method === 'POST' ? { ...base, operation: ACTIONS[action[1]!]! } : { status: 405 };
  }
  return { status: 404 };
}
