/** The redirect policy (`redirect-policy.ts`) as a check that throws, for code that has `BillingError` at hand. */
import { BillingError } from '../api/errors.js';
import { redirectTarget } from './redirect-policy.js';

export { isAllowedRedirect, parseRedirectHosts, STRIPE_PDF_HOSTS, STRIPE_REDIRECT_HOSTS } from './redirect-policy.js';

/** Checks `url` against the policy and returns it parsed; throws a `redirect-refused` BillingError otherwise. */
export function checkRedirectUrl(url: unknown, extraHosts: readonly string[] = [], pdf = false): URL {
  const target = redirectTarget(url, extraHosts, pdf);
  if (typeof target === 'string') throw new BillingError('redirect-refused', undefined, { details: target });
  return target;
}
