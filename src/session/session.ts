/**
 * One billing session: everything that belongs to one configuration (base URL, route style
 * and account, token or provider). It owns the client, the token source, the loads and
 * their pages, the action runner and the return from Checkout. Plain TypeScript: it knows
 * its host only through `SessionHost`, so it is tested without a DOM element.
 *
 * `dispose()` aborts every request, wait and action; whatever a disposed session still
 * receives is dropped — no render, no event, no redirect. A new configuration is a new
 * session, so nothing of an old account can reach the new one.
 */
import { createBillingClient, type BillingClient, type ChangeRequest } from '../api/client.js';
import { BillingError } from '../api/errors.js';
import { warmUpSchemas, type ChangePreview, type Subscription } from '../api/schemas.js';
import { BillingActionEvent, type BillingActionDetail } from '../events/billing-action-event.js';
import { BillingChangedEvent, type BillingAction } from '../events/billing-changed-event.js';
import { BillingErrorEvent } from '../events/billing-error-event.js';
import { BillingLoadedEvent } from '../events/billing-loaded-event.js';
import { BillingRedirectEvent, type RedirectKind } from '../events/billing-redirect-event.js';
import { BillingTokenExpiredEvent } from '../events/billing-token-expired-event.js';
import { redact } from '../security/redact.js';
import { validateToken } from '../security/jwt.js';
import { ActionRunner, type ActionSession } from './actions.js';
import { accountKey, allowedActions, requestTimeout, type BillingConfig } from './config.js';
import { Resources } from './resources.js';
import { OPERATIONS, type BillingConnection, type InvoicesData, type Paged, type ResourceName, type SubscriptionsData } from './state.js';
import { TokenSource } from './token-source.js';

/** Subscriptions per page (the contract's default). */
export const PAGE_SIZE = 15;

/** What a session needs from the element that hosts it. */
export interface SessionHost {
  /** The host's configuration now (its latest `tokenProvider`, URLs, locale). */
  config(): BillingConfig;
  /** The host's resolved locale. */
  locale(): string;
  /** The session's state changed: render again. */
  changed(): void;
  /** Dispatches a public event on the host; false when a cancelable one was prevented. */
  dispatch(event: Event): boolean;
  /** Resolves once the host and its sections have rendered the current state. */
  rendered(): Promise<void>;
  /** Leaves the page for `url`. */
  navigate(url: string): void;
}

export interface SessionOptions {
  resources: readonly ResourceName[];
  /** Only the panel finishes a returning checkout. */
  finishCheckout: boolean;
}

export class BillingSession implements BillingConnection, ActionSession {
  readonly client: BillingClient;
  readonly account: string;
  readonly actions: ActionRunner;
  readonly resources: Resources;
  expired = false;
  disposed = false;

  private readonly tokens: TokenSource;
  private readonly abort = new AbortController();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private expiredAnnounced = false;
  private loadedAnnounced = false;

  /** Throws a `config` BillingError for a configuration no request can be made with. */
  constructor(
    private readonly host: SessionHost,
    options: SessionOptions,
  ) {
    const config = host.config();
    const token = config.token?.trim() || undefined;
    if (token) validateToken(token);
    this.tokens = new TokenSource(token, () => host.config().tokenProvider, requestTimeout(config.timeout));
    this.client = createBillingClient({
      baseUrl: config.baseUrl!.trim(),
      accountId: config.accountId?.trim() || undefined,
      getToken: this.tokens.get,
      secrets: () => this.tokens.secrets,
      timeoutMs: requestTimeout(config.timeout),
      locale: () => this.locale(),
    });
    this.account = accountKey(config);
    this.actions = new ActionRunner(this);
    const list = (offset: number, signal: AbortSignal): Promise<SubscriptionsData> =>
      this.client.subscriptions
        .list({ limit: PAGE_SIZE, offset, locale: this.locale() }, { signal })
        .then((page) => ({ items: page.items, hasMore: page.has_more }));
    // Optional (contract 1.1): once the service says it has no invoices (404/405), it is not asked again.
    let offered = true;
    const invoices = async (offset: number, signal: AbortSignal): Promise<InvoicesData> => {
      const page = offered ? await this.client.subscriptions.invoices({ limit: PAGE_SIZE, offset, locale: this.locale() }, { signal }) : null;
      offered = page !== null;
      return page && { items: page.items, hasMore: page.has_more };
    };
    this.resources = new Resources(
      {
        subscriptions: (signal) => list(0, signal),
        features: (signal) => this.client.subscriptions.features({ signal }),
        identity: (signal) => this.client.subscriptions.identity({ signal }),
        merchants: (signal) => this.client.subscriptions.merchants({ signal }),
        invoices: (signal) => invoices(0, signal),
      },
      { subscriptions: list, invoices },
      options.resources,
      () => this.changed(),
      (name, error) => this.failed(name, error),
    );
    void this.resources.load();
    // Once the requests are on their way, prepare what their answers will need.
    this.later(0, warmUpSchemas);
    if (options.finishCheckout) this.actions.finishCheckout();
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get canRefreshToken(): boolean {
    return this.tokens.canRefresh;
  }

  config(): BillingConfig {
    return this.host.config();
  }

  locale(): string {
    return this.host.locale();
  }

  subscriptions(): Subscription[] {
    return this.resources.view('subscriptions').value?.items ?? [];
  }

  /** Reloads every resource (the panel's `reload()`, a retry after expiry). */
  reload(): void {
    if (this.disposed) return;
    this.expired = false;
    this.expiredAnnounced = false;
    this.loadedAnnounced = false;
    void this.resources.load();
  }

  /** Reloads one resource (a section's Try again). */
  retry(name: ResourceName): void {
    void this.resources.load([name]);
  }

  loadMore(name?: Paged): Promise<void> {
    return this.resources.loadMore(name);
  }

  rendered(): Promise<void> {
    return this.host.rendered();
  }

  /**
   * What a change would cost (the optional `previewChange`): `null` when the service does not
   * offer it, the disposed session or `signal` aborted it, or it failed — a preview only adds
   * to a dialog that already describes the change, so its failure is not reported.
   */
  async previewChange(subscriptionId: string, body: ChangeRequest, signal: AbortSignal): Promise<ChangePreview | null> {
    if (this.disposed || signal.aborted) return null;
    // Either the caller (the dialog closed) or the session (disposed) stops it.
    const both = new AbortController();
    const stop = () => both.abort();
    signal.addEventListener('abort', stop);
    this.abort.signal.addEventListener('abort', stop);
    try {
      return await this.client.subscriptions.previewChange(subscriptionId, body, { signal: both.signal });
    } catch {
      return null;
    } finally {
      signal.removeEventListener('abort', stop);
      this.abort.signal.removeEventListener('abort', stop);
    }
  }

  /** Loads whatever failed again (the browser is back online). */
  retryFailed(): void {
    if (!this.disposed && !this.expired) this.resources.retryFailed();
  }

  /** Loads some resources again; resolves when they settled. */
  reloadResources(names: readonly ResourceName[]): Promise<void> {
    return this.resources.load(names);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    this.resources.dispose();
    this.tokens.dispose();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  changed(): void {
    if (this.disposed) return;
    this.host.changed();
    if (!this.loadedAnnounced && this.resources.ready && !this.expired) {
      this.loadedAnnounced = true;
      void this.afterRender(() => {
        return new BillingLoadedEvent({
          subscriptions: this.subscriptions(),
          features: this.resources.view('features').value ?? [],
          identity: this.resources.view('identity').value ?? null,
          merchants: this.resources.view('merchants').value ?? [],
          invoices: this.resources.view('invoices').value?.items ?? null,
        });
      });
    }
  }

  report(operation: string, error: BillingError): void {
    if (this.disposed) return;
    const secrets = this.tokens.secrets;
    this.host.dispatch(
      new BillingErrorEvent({
        operation,
        kind: error.kind,
        status: error.status,
        message: redact(error.message, secrets),
        details: error.details === undefined ? undefined : redact(error.details, secrets),
      }),
    );
  }

  /** A 401 that no fresh token could fix. */
  unauthorized(): void {
    if (this.disposed) return;
    this.expired = true;
    if (!this.expiredAnnounced) {
      this.expiredAnnounced = true;
      this.host.dispatch(new BillingTokenExpiredEvent());
    }
    this.changed();
  }

  redirect(kind: RedirectKind, url: string): boolean {
    if (this.disposed) return false;
    if (!this.host.dispatch(new BillingRedirectEvent({ kind, url }))) return false;
    this.host.navigate(url);
    return true;
  }

  permit(intent: BillingActionDetail): boolean {
    if (this.disposed || !allowedActions(this.host.config()).has(intent.action)) return false;
    return this.host.dispatch(new BillingActionEvent(intent));
  }

  announce(action: BillingAction, subscription: Subscription | null): Promise<void> {
    return this.afterRender(() => new BillingChangedEvent({ action, subscription }));
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(this.abort.signal.reason);
      const onAbort = () => reject(this.abort.signal.reason);
      this.later(ms, () => {
        this.abort.signal.removeEventListener('abort', onAbort);
        resolve();
      });
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Dispatches the event once the host rendered what it says, unless disposed by then. */
  private async afterRender(event: () => Event): Promise<void> {
    await this.host.rendered();
    if (!this.disposed) this.host.dispatch(event());
  }

  private failed(name: ResourceName, error: BillingError): void {
    if (error.kind === 'unauthorized') return this.unauthorized();
    this.report(OPERATIONS[name], error);
  }
}
