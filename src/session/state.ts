/** The state a session publishes: an immutable snapshot, a new object each time anything changes. */
import type { ChangeRequest } from '../api/client.js';
import type { OwnerAction } from '../events/billing-action-event.js';
import type { BillingError } from '../api/errors.js';
import type { ChangePreview, Feature, Identity, Invoice, Merchant, Subscription } from '../api/schemas.js';
import type { Theme } from './config.js';

export type ResourceName = 'subscriptions' | 'features' | 'identity' | 'merchants' | 'invoices';
export const RESOURCES: readonly ResourceName[] = ['subscriptions', 'features', 'identity', 'merchants', 'invoices'];
/** The lists that load page by page ("Show more"). */
export type Paged = 'subscriptions' | 'invoices';
export const OPERATIONS: Record<ResourceName, string> = {
  subscriptions: 'listSubscriptions',
  features: 'listFeatures',
  identity: 'getIdentity',
  merchants: 'listMerchants',
  invoices: 'listInvoices',
};

export interface ResourceView<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: T | undefined;
  error: BillingError | undefined;
  /** Loading again while the previous value is still shown. */
  refreshing: boolean;
}

export interface PageData<T> {
  items: T[];
  hasMore: boolean;
}
export type SubscriptionsData = PageData<Subscription>;
/** `null`: the service does not offer `listInvoices` (it answered 404 or 405). */
export type InvoicesData = PageData<Invoice> | null;

/** A next page being loaded, or the failure of the last one. */
export interface MoreView {
  loading: boolean;
  error: BillingError | undefined;
}

export interface ResourceValues {
  subscriptions: SubscriptionsData;
  features: Feature[];
  identity: Identity | null;
  merchants: Merchant[];
  invoices: InvoicesData;
}

export type Phase = 'unconfigured' | 'config-error' | 'expired' | 'forbidden' | 'ok';
export type CheckoutReturn = 'confirming' | 'confirmed' | 'processing' | 'failed';

export interface ActionFailure {
  /** The control that failed (`cancel:sub_1`, `checkout:price_1`, `sync`…). */
  key: string;
  error: BillingError;
}

/** What the owner can do through the session (the elements' handle on it). */
export interface BillingConnection {
  readonly actions: import('./actions.js').ActionRunner;
  retry(name: ResourceName): void;
  reload(): void;
  /** Loads the next page of a list (default: subscriptions). */
  loadMore(name?: Paged): Promise<void>;
  /** Resolves once the session's host and the sections inside it have rendered its state. */
  rendered(): Promise<void>;
  /** What a change would cost; `null` when not offered, aborted or failed. */
  previewChange(subscriptionId: string, body: ChangeRequest, signal: AbortSignal): Promise<ChangePreview | null>;
  /** Whether a `tokenProvider` could give a new token (a retry after expiry can help). */
  readonly canRefreshToken: boolean;
}

export interface BillingState {
  phase: Phase;
  configError: BillingError | undefined;
  locale: string;
  theme: Theme;
  readOnly: boolean;
  /** The owner actions offered (the `actions` allow-list; none when read-only). */
  allowed: ReadonlySet<OwnerAction>;
  subscriptions: ResourceView<SubscriptionsData>;
  features: ResourceView<Feature[]>;
  identity: ResourceView<Identity | null>;
  merchants: ResourceView<Merchant[]>;
  invoices: ResourceView<InvoicesData>;
  /** The next page of each paged list: loading, or why it failed. */
  more: Record<Paged, MoreView>;
  /** The key of the action running now (`cancel:sub_1`, `sync`…), if any. */
  busy: string | undefined;
  /** The last action that failed, for its control to explain. */
  actionFailure: ActionFailure | undefined;
  /** Progress of the return from Stripe Checkout. */
  checkoutReturn: CheckoutReturn | undefined;
  lastSynced: Date | undefined;
  /** Undefined while there is no session (not configured, configuration error). */
  connection: BillingConnection | undefined;
}
