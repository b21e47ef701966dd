/** Classes, types and the client factory. No side effects: import `billing-panel/define.js` to register the tags. */
export { BillingPanel } from './billing-panel.js';
export { BillingSubscriptions } from './elements/billing-subscriptions.js';
export { BillingPlans } from './elements/billing-plans.js';
export { BillingFeatures } from './elements/billing-features.js';
export { BillingIdentity } from './elements/billing-identity.js';
export { BillingInvoices } from './elements/billing-invoices.js';
export { BillingElement } from './elements/billing-element.js';
export { BillingLoadedEvent } from './events/billing-loaded-event.js';
export type { BillingLoadedDetail } from './events/billing-loaded-event.js';
export { BillingErrorEvent } from './events/billing-error-event.js';
export type { BillingErrorDetail } from './events/billing-error-event.js';
export { BillingTokenExpiredEvent } from './events/billing-token-expired-event.js';
export { BillingRedirectEvent } from './events/billing-redirect-event.js';
export type { BillingRedirectDetail, RedirectKind } from './events/billing-redirect-event.js';
export { BillingChangedEvent } from './events/billing-changed-event.js';
export { BillingActionEvent } from './events/billing-action-event.js';
export type { BillingActionDetail, OwnerAction } from './events/billing-action-event.js';
export type { BillingAction, BillingChangedDetail } from './events/billing-changed-event.js';
export type { BillingState } from './session/state.js';
export type { Theme, TokenProvider } from './session/config.js';
export { formatMoney, formatDate, describeInterval } from './i18n/format.js';
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
export type { ChangePreview, Feature, Identity, Invoice, Merchant, MutationResult, PaymentMethod, Plan, Price, RedirectSession, Subscription, SubscriptionPage } from './api/schemas.js';
export { checkRedirectUrl, isAllowedRedirect, parseRedirectHosts, STRIPE_PDF_HOSTS, STRIPE_REDIRECT_HOSTS } from './security/redirect.js';
export { decodeJwt, isJwtShaped, isTokenExpired, tokenAccount, tokenExpiry, validateToken } from './security/jwt.js';
export type { TokenClaims } from './security/jwt.js';
