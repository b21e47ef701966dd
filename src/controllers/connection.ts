/**
 * The connection: one billing client and one `Task` per remote resource, owned by the
 * panel (or by a child element used on its own). It turns the host's configuration into a
 * client, starts the loads together, keeps the token fresh through `tokenProvider`, and
 * publishes an immutable `BillingState` snapshot — through @lit/context when it provides.
 *
 * Rules it keeps: zero requests until configured; the four GETs start together; a changed
 * base URL, token or account aborts what is in flight and never shows the old account's
 * data; removing the host aborts its requests, and moving it does not refetch.
 */
import { ContextProvider } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createBillingClient, type BillingClient } from '../api/client.js';
import { BillingError, isAbortError } from '../api/errors.js';
import { warmUpSchemas, type Feature, type Identity, type Merchant, type Subscription } from '../api/schemas.js';
import { BillingErrorEvent } from '../events/billing-error-event.js';
import { BillingLoadedEvent } from '../events/billing-loaded-event.js';
import { BillingTokenExpiredEvent } from '../events/billing-token-expired-event.js';
import { resolveLocale, warmUpFormats } from '../i18n/format.js';
import { useLocale } from '../i18n/localization.js';
import { decodeJwt, isTokenExpired } from '../security/jwt.js';
import { parseRedirectHosts } from '../security/redirect.js';
import { ActionRunner, type ActionFailure, type ActionHost, type CheckoutReturn } from './actions.js';
import { billingContext } from './context.js';

export type ResourceName = 'subscriptions' | 'features' | 'identity' | 'merchants';
export const RESOURCES: readonly ResourceName[] = ['subscriptions', 'features', 'identity', 'merchants'];
export const OPERATIONS: Record<ResourceName, string> = {
  subscriptions: 'listSubscriptions',
  features: 'listFeatures',
  identity: 'getIdentity',
  merchants: 'listMerchants',
};
/** Subscriptions per page (the contract's default). */
export const PAGE_SIZE = 15;

export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;
export type Theme = 'light' | 'dark' | 'auto';

/** What a host element gives the connection. */
export interface BillingConfig {
  baseUrl?: string | undefined;
  token?: string | undefined;
  accountId?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
  locale?: string | undefined;
  theme?: Theme | undefined;
  readOnly?: boolean | undefined;
  /** Per request, in ms. */
  timeout?: number | undefined;
  redirectHosts?: string | undefined;
  successUrl?: string | undefined;
  cancelUrl?: string | undefined;
  returnUrl?: string | undefined;
}

export interface BillingHost extends ReactiveControllerHost, HTMLElement {
  billingConfig(): BillingConfig;
}

export interface ResourceView<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: T | undefined;
  error: BillingError | undefined;
  /** Loading again while the previous value is still shown. */
  refreshing: boolean;
}

export interface SubscriptionsData {
  items: Subscription[];
  hasMore: boolean;
}

export type Phase = 'unconfigured' | 'config-error' | 'expired' | 'forbidden' | 'ok';

/** An immutable snapshot: a new object each time anything changes. */
export interface BillingState {
  phase: Phase;
  configError: BillingError | undefined;
  locale: string;
  theme: Theme;
  readOnly: boolean;
  redirectHosts: string[];
  subscriptions: ResourceView<SubscriptionsData>;
  features: ResourceView<Feature[]>;
  identity: ResourceView<Identity | null>;
  merchants: ResourceView<Merchant[]>;
  loadingMore: boolean;
  moreError: BillingError | undefined;
  /** The key of the action running now (`cancel:sub_1`, `sync`…), if any. */
  busy: string | undefined;
  /** The last action that failed, for its control to explain. */
  actionFailure: ActionFailure | undefined;
  /** Progress of the return from Stripe Checkout. */
  checkoutReturn: CheckoutReturn | undefined;
  lastSynced: Date | undefined;
  connection: BillingConnectionController;
}

interface Keyed<T> {
  key: string;
  data: T;
}

const providerIds = new WeakMap<object, number>();
let nextProviderId = 1;
function identityOf(fn: object | undefined): number {
  if (!fn) return 0;
  let id = providerIds.get(fn);
  if (!id) providerIds.set(fn, (id = nextProviderId++));
  return id;
}

function toBillingError(error: unknown): BillingError {
  return error instanceof BillingError
    ? error
    : new BillingError('invalid-response', undefined, { details: error instanceof Error ? error.name : 'unknown error' });
}

export class BillingConnectionController implements ReactiveController, ActionHost {
  state: BillingState;
  client: BillingClient | undefined;
  /** The owner's actions through this connection. */
  readonly actions: ActionRunner;
  readonly host: BillingHost;
  config: BillingConfig = {};
  redirectHosts: string[] = [];

  private readonly needed: ReadonlySet<ResourceName>;
  private readonly provider: ContextProvider<typeof billingContext> | undefined;
  private readonly tasks: Record<ResourceName, Task<readonly unknown[], Keyed<unknown>>>;
  private key = '';
  private checkoutChecked = false;
  private locale = 'en';
  private configError: BillingError | undefined;
  private currentToken: string | undefined;
  private providing: Promise<string | undefined> | undefined;
  private expired = false;
  private expiredAnnounced = false;
  private cycle = 0;
  private loadedCycle = -1;
  private more: SubscriptionsData | undefined;
  private moreAbort: AbortController | undefined;
  private moreError: BillingError | undefined;
  private resumeOnConnect = new Set<ResourceName>();
  private warmUp: ReturnType<typeof setTimeout> | undefined;

  constructor(host: BillingHost, options: { resources: readonly ResourceName[]; provide: boolean }) {
    this.host = host;
    this.needed = new Set(options.resources);
    this.actions = new ActionRunner(this);
    host.addController(this);
    const fetchers: Record<ResourceName, (client: BillingClient, signal: AbortSignal) => Promise<unknown>> = {
      subscriptions: (client, signal) =>
        client.subscriptions
          .list({ limit: PAGE_SIZE, offset: 0, locale: this.locale.split('-')[0] }, { signal })
          .then((page): SubscriptionsData => ({ items: page.items, hasMore: page.has_more })),
      features: (client, signal) => client.subscriptions.features({ signal }),
      identity: (client, signal) => client.subscriptions.identity({ signal }),
      merchants: (client, signal) => client.subscriptions.merchants({ signal }),
    };
    const task = (name: ResourceName) =>
      new Task(host, {
        args: () => [this.client, name === 'subscriptions' ? this.locale : ''] as const,
        task: async ([client], { signal }) => {
          if (!client || !this.needed.has(name)) return initialState;
          const key = this.key;
          return { key, data: await fetchers[name](client as BillingClient, signal) };
        },
        onError: (error) => this.failed(name, error),
      });
    this.tasks = {
      subscriptions: task('subscriptions'),
      features: task('features'),
      identity: task('identity'),
      merchants: task('merchants'),
    };
    this.state = this.snapshot();
    // Added after the tasks, so the snapshot sees the status their hostUpdate just set.
    host.addController({ hostUpdate: () => this.publish() });
    if (options.provide) this.provider = new ContextProvider(host, { context: billingContext, initialValue: this.state });
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.onPageShow);
    for (const name of this.resumeOnConnect) void this.tasks[name].run();
    this.resumeOnConnect.clear();
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    clearTimeout(this.warmUp);
    this.actions.stop();
    for (const name of RESOURCES) {
      if (this.tasks[name].status === TaskStatus.PENDING) {
        this.resumeOnConnect.add(name);
        this.tasks[name].abort();
      }
    }
    this.moreAbort?.abort();
  }

  hostUpdate(): void {
    this.configure();
  }

  /** Back with the Back button from a Stripe page (bfcache): clear busy states and reload. */
  private onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    this.actions.restored();
    this.reload();
  };

  /** Reloads some resources and resolves when they settled. */
  async reloadResources(names: readonly ResourceName[]): Promise<void> {
    if (names.includes('subscriptions')) this.resetMore();
    await Promise.all(names.filter((name) => this.needed.has(name)).map((name) => this.tasks[name].run()));
  }

  subscriptions(): Subscription[] {
    return this.snapshot().subscriptions.value?.items ?? [];
  }

  /** An action's 401 that no fresh token could fix. */
  unauthorized(): void {
    this.expired = true;
    if (!this.expiredAnnounced) {
      this.expiredAnnounced = true;
      this.host.dispatchEvent(new BillingTokenExpiredEvent());
    }
    this.host.requestUpdate();
  }

  /** Reload every resource (the panel's `reload()`). */
  reload(): void {
    this.cycle++;
    this.expired = false;
    this.expiredAnnounced = false;
    this.resetMore();
    for (const name of this.needed) void this.tasks[name].run();
  }

  /** Reload one resource (a section's retry). */
  retry(name: ResourceName): void {
    if (name === 'subscriptions') this.resetMore();
    void this.tasks[name].run();
  }

  /** Load the next page of subscriptions. */
  async loadMore(): Promise<void> {
    const current = this.state.subscriptions.value;
    if (!this.client || !current || !current.hasMore || this.moreAbort) return;
    const abort = (this.moreAbort = new AbortController());
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.client.subscriptions.list(
        { limit: PAGE_SIZE, offset: current.items.length, locale: this.locale.split('-')[0] },
        { signal: abort.signal },
      );
      const seen = new Set(current.items.map((s) => s.id));
      this.more = { items: [...(this.more?.items ?? []), ...page.items.filter((s) => !seen.has(s.id))], hasMore: page.has_more };
    } catch (error) {
      if (!isAbortError(error)) {
        this.moreError = toBillingError(error);
        this.report('listSubscriptions', this.moreError);
      }
    } finally {
      if (this.moreAbort === abort) this.moreAbort = undefined;
      this.host.requestUpdate();
    }
  }

  private resetMore(): void {
    this.moreAbort?.abort();
    this.moreAbort = undefined;
    this.more = undefined;
    this.moreError = undefined;
  }

  /** Turns the host's configuration into a client when base URL, account, token or provider changed. */
  private configure(): void {
    this.config = this.host.billingConfig();
    this.locale = resolveLocale(this.config.locale, this.host);
    useLocale(this.locale);
    this.redirectHosts = parseRedirectHosts(this.config.redirectHosts);
    const { baseUrl, token, accountId, tokenProvider } = this.config;
    const timeoutMs = this.config.timeout && this.config.timeout > 0 ? this.config.timeout : undefined;
    const key = [baseUrl ?? '', accountId ?? '', token ?? '', identityOf(tokenProvider), timeoutMs ?? ''].join('\n');
    if (key === this.key) return;
    this.key = key;
    this.cycle++;
    this.resetMore();
    this.expired = false;
    this.expiredAnnounced = false;
    this.configError = undefined;
    this.currentToken = token || undefined;
    this.client = undefined;
    if (!baseUrl || (!token && !tokenProvider)) return;
    try {
      if (token) decodeJwt(token);
      this.client = createBillingClient({
        baseUrl,
        accountId: accountId || undefined,
        getToken: (c) => this.getToken(c),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      // Once the requests are on their way, prepare what their answers will need.
      clearTimeout(this.warmUp);
      this.warmUp = setTimeout(() => {
        warmUpSchemas();
        warmUpFormats(this.locale);
      });
      // Only the panel finishes a returning checkout, once per page load.
      if (this.provider && !this.checkoutChecked) {
        this.checkoutChecked = true;
        this.actions.finishCheckout();
      }
    } catch (error) {
      this.configError = toBillingError(error);
      this.report('configure', this.configError);
    }
  }

  /** The current token synchronously when it is valid; the provider's (a promise) when not. */
  private getToken({ refresh, rejected }: { refresh: boolean; rejected?: string }): string | undefined | Promise<string | undefined> {
    const provider = this.config.tokenProvider;
    if (refresh) {
      // Another request may have refreshed it already.
      if (!provider || (rejected && rejected !== this.currentToken)) return this.currentToken;
      return this.provideToken(provider);
    }
    const expired = () => new BillingError('unauthorized', undefined, { details: 'no valid token' });
    const token = this.currentToken;
    if (token && !isTokenExpired(token)) return token;
    if (!provider) throw expired();
    return this.provideToken(provider).then((fresh) => {
      if (!fresh || isTokenExpired(fresh)) throw expired();
      return fresh;
    });
  }

  private provideToken(provider: TokenProvider): Promise<string | undefined> {
    this.providing ??= Promise.resolve()
      .then(provider)
      .then((token) => {
        this.currentToken = typeof token === 'string' && token.trim() ? token.trim() : undefined;
        return this.currentToken;
      })
      .finally(() => {
        this.providing = undefined;
      });
    return this.providing;
  }

  private failed(name: ResourceName, error: unknown): void {
    if (isAbortError(error)) return;
    const billingError = toBillingError(error);
    if (billingError.kind === 'unauthorized') return this.unauthorized();
    if (billingError.kind === 'config') this.configError = billingError;
    this.report(OPERATIONS[name], billingError);
  }

  report(operation: string, error: BillingError): void {
    this.host.dispatchEvent(
      new BillingErrorEvent({ operation, kind: error.kind, status: error.status, message: error.message, details: error.details }),
    );
  }

  private view<T>(name: ResourceName): ResourceView<T> {
    const task = this.tasks[name];
    const keyed = task.value as Keyed<T> | undefined;
    const value = keyed && keyed.key === this.key ? keyed.data : undefined;
    const aborted = task.status === TaskStatus.ERROR && isAbortError(task.error);
    switch (task.status) {
      case TaskStatus.COMPLETE:
        return { status: value === undefined ? 'loading' : 'ready', value, error: undefined, refreshing: false };
      case TaskStatus.ERROR:
        return aborted
          ? { status: 'loading', value, error: undefined, refreshing: value !== undefined }
          : { status: 'error', value: undefined, error: toBillingError(task.error), refreshing: false };
      case TaskStatus.PENDING:
        return { status: value === undefined ? 'loading' : 'ready', value, error: undefined, refreshing: value !== undefined };
      default:
        return { status: this.client && this.needed.has(name) ? 'loading' : 'idle', value: undefined, error: undefined, refreshing: false };
    }
  }

  private snapshot(): BillingState {
    const subscriptions = this.view<SubscriptionsData>('subscriptions');
    if (subscriptions.value && this.more) {
      subscriptions.value = { items: [...subscriptions.value.items, ...this.more.items], hasMore: this.more.hasMore };
    }
    const features = this.view<Feature[]>('features');
    const identity = this.view<Identity | null>('identity');
    const merchants = this.view<Merchant[]>('merchants');
    const views = { subscriptions, features, identity, merchants };
    const forbidden = Object.values(views).some((v) => v.error?.kind === 'forbidden');
    const phase: Phase = this.configError
      ? 'config-error'
      : !this.client
        ? 'unconfigured'
        : this.expired
          ? 'expired'
          : forbidden
            ? 'forbidden'
            : 'ok';
    return {
      phase,
      configError: this.configError,
      locale: this.locale,
      theme: this.config.theme ?? 'light',
      readOnly: this.config.readOnly ?? false,
      redirectHosts: this.redirectHosts,
      ...views,
      loadingMore: this.moreAbort !== undefined,
      moreError: this.moreError,
      busy: this.actions.busy,
      actionFailure: this.actions.failure,
      checkoutReturn: this.actions.checkoutReturn,
      lastSynced: this.actions.lastSynced,
      connection: this,
    };
  }

  private publish(): void {
    this.state = this.snapshot();
    this.provider?.setValue(this.state);
    const { phase } = this.state;
    const ready = [...this.needed].every((name) => this.state[name].status === 'ready' && !this.state[name].refreshing);
    if (phase === 'ok' && ready && this.loadedCycle !== this.cycle) {
      this.loadedCycle = this.cycle;
      this.host.dispatchEvent(
        new BillingLoadedEvent({
          subscriptions: this.state.subscriptions.value?.items ?? [],
          features: this.state.features.value ?? [],
          identity: this.state.identity.value ?? null,
          merchants: this.state.merchants.value ?? [],
        }),
      );
    }
  }
}
