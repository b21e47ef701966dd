/** Classes, types and the client factory. No side effects: import `billing-panel/define.js` to register the tags. */
export { BillingPanel } from './billing-panel.js';
export { createBillingClient, parseRetryAfter } from './api/client.js';
export type {
  BillingClient,
  BillingClientOptions,
  CancelRequest,
  ChangeRequest,
  CheckoutSessionRequest,
  ListParams,
  RequestOptions,
  RetryOptions,
  SubscriptionsApi,
  TokenSource,
} from './api/client.js';
export { BillingError, isBillingError } from './api/errors.js';
export type { BillingErrorKind } from './api/errors.js';
export { createRoutes } from './api/routes.js';
export type { Routes } from './api/routes.js';
export { CANCEL_REASONS, KNOWN_STATUSES } from './api/schemas.js';
export type { Feature, Identity, Merchant, MutationResult, PaymentMethod, Plan, Price, RedirectSession, Subscription, SubscriptionPage } from './api/schemas.js';
export { checkRedirectUrl, isAllowedRedirect, parseRedirectHosts, STRIPE_REDIRECT_HOSTS } from './security/redirect.js';
export { decodeJwt, isTokenExpired, tokenAccount, tokenExpiry } from './security/jwt.js';
export type { TokenClaims } from './security/jwt.js';
