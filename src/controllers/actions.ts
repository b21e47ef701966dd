/**
 * The action runner: the owner's explicit actions, one at a time per panel.
 *
 * Each action sends one POST (never retried), shows busy state on the control that
 * started it, and after success reloads what it changed and fires `billing-changed`.
 * A failure is kept for the control to show in plain language, reported as
 * `billing-error`, and the affected data is reloaded to learn the truth. Every URL from the
 * service goes through the redirect policy and a cancelable `billing-redirect` before
 * `location.assign`. It also finishes a checkout when the page comes back from Stripe.
 */
import type { BillingClient, CancelRequest, ChangeRequest } from '../api/client.js';
import { BillingError, isAbortError } from '../api/errors.js';
import type { MutationResult, Subscription } from '../api/schemas.js';
import { BillingChangedEvent, type BillingAction } from '../events/billing-changed-event.js';
import { BillingRedirectEvent, type RedirectKind } from '../events/billing-redirect-event.js';
import { checkRedirectUrl } from '../security/redirect.js';
import type { BillingConfig, ResourceName } from './connection.js';

/** What the runner needs from its connection. */
export interface ActionHost {
  readonly host: HTMLElement & { requestUpdate(): void };
  readonly client: BillingClient | undefined;
  readonly config: BillingConfig;
  readonly redirectHosts: string[];
  reloadResources(names: readonly ResourceName[]): Promise<void>;
  subscriptions(): Subscription[];
  report(operation: string, error: BillingError): void;
  unauthorized(): void;
}

export type CheckoutReturn = 'confirming' | 'confirmed' | 'processing' | 'failed';

export interface ActionFailure {
  /** The control that failed (`cancel:sub_1`, `checkout:price_1`, `sync`…). */
  key: string;
  error: BillingError;
}

/** A session id Stripe could have substituted: not the literal placeholder, not empty, not absurd. */
export function isCheckoutSessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(value);
}

/** The page URL with `checkout_session_id` removed; other parameters and the hash kept as they were. */
export function withoutSessionParam(href: string): string {
  const url = new URL(href);
  const search = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' ')) !== 'checkout_session_id')
    .join('&');
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}

/** `success_url`: the page (or `success-url`) with `checkout_session_id={CHECKOUT_SESSION_ID}`, braces literal. */
export function successUrl(base: string): string {
  const clean = new URL(withoutSessionParam(base));
  const hash = clean.hash;
  clean.hash = '';
  const joiner = clean.search ? '&' : '?';
  return `${clean.href}${joiner}checkout_session_id={CHECKOUT_SESSION_ID}${hash}`;
}

/** Checks after the return from Checkout while the new subscription is not active yet. */
const RETURN_CHECKS_MS = [800, 1600, 3200];
const STARTED = new Set(['active', 'trialing']);
/** Shared by every copy of the bundle on the page: a session id is synced once. */
const claimedSessions: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('billing-panel.checkout-sessions')] ??=
  new Set<string>()) as Set<string>;

const AFTER: Record<BillingAction, readonly ResourceName[]> = {
  'checkout-sync': ['subscriptions', 'features', 'identity'],
  sync: ['subscriptions', 'features', 'identity'],
  change: ['subscriptions', 'features'],
  cancel: ['subscriptions', 'features'],
  resume: ['subscriptions', 'features'],
};

export class ActionRunner {
  busy: string | undefined;
  failure: ActionFailure | undefined;
  checkoutReturn: CheckoutReturn | undefined;
  lastSynced: Date | undefined;

  private abort = new AbortController();
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly owner: ActionHost) {}

  /** The element went away: abort requests and stop timers. */
  stop(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.busy = undefined;
  }

  /** Back from the bfcache: nothing is in flight any more. */
  restored(): void {
    this.busy = undefined;
    this.failure = undefined;
  }

  private update(): void {
    this.owner.host.requestUpdate();
  }

  /** Runs one action if none is running; `fn` returns true when a navigation started. */
  private async run(key: string, operation: string, reload: readonly ResourceName[], fn: (client: BillingClient, signal: AbortSignal) => Promise<boolean | void>): Promise<void> {
    const client = this.owner.client;
    if (this.busy || !client) return;
    this.busy = key;
    this.failure = undefined;
    this.update();
    let navigating = false;
    const { signal } = this.abort;
    try {
      navigating = (await fn(client, signal)) === true;
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      const failure = error instanceof BillingError ? error : new BillingError('invalid-response', undefined, { cause: error });
      this.failure = { key, error: failure };
      if (failure.kind === 'unauthorized') this.owner.unauthorized();
      else this.owner.report(operation, failure);
      if (reload.length && failure.kind !== 'unauthorized') void this.owner.reloadResources(reload);
    } finally {
      if (!navigating && this.busy === key) this.busy = undefined;
      this.update();
    }
  }

  /** Through the redirect policy, then a cancelable `billing-redirect`, then `location.assign`. */
  private redirect(kind: RedirectKind, url: string): boolean {
    const target = checkRedirectUrl(url, this.owner.redirectHosts);
    const event = new BillingRedirectEvent({ kind, url: target.href });
    this.owner.host.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    location.assign(target.href);
    return true;
  }

  private async changed(action: BillingAction, subscription: Subscription | null): Promise<void> {
    await this.owner.reloadResources(AFTER[action]);
    this.owner.host.dispatchEvent(new BillingChangedEvent({ action, subscription }));
  }

  private page(url: string | undefined): string {
    return withoutSessionParam(new URL(url || location.href, location.href).href);
  }

  subscribe(priceId: string): Promise<void> {
    return this.run(`checkout:${priceId}`, 'createCheckoutSession', [], async (client, signal) => {
      const { successUrl: success, cancelUrl } = this.owner.config;
      const session = await client.subscriptions.createCheckoutSession(
        { price_id: priceId, success_url: successUrl(this.page(success)), cancel_url: this.page(cancelUrl) },
        { signal },
      );
      return this.redirect('checkout', session.url);
    });
  }

  openPortal(key = 'portal'): Promise<void> {
    return this.run(key, 'createPortalSession', [], (client, signal) => this.portal(client, signal));
  }

  private async portal(client: BillingClient, signal: AbortSignal): Promise<boolean> {
    const session = await client.subscriptions.createPortalSession({ return_url: this.page(this.owner.config.returnUrl) }, { signal });
    return this.redirect('portal', session.url);
  }

  payInvoice(subscription: Subscription): Promise<void> {
    return this.run(`invoice:${subscription.id}`, 'payInvoice', [], async () =>
      this.redirect('invoice', subscription.latest_invoice_url ?? ''),
    );
  }

  sync(): Promise<void> {
    return this.run('sync', 'syncSubscriptions', AFTER.sync, async (client, signal) => {
      await client.subscriptions.sync({ signal, allowDeletes: false });
      this.lastSynced = new Date();
      await this.changed('sync', null);
    });
  }

  change(subscription: Subscription, body: ChangeRequest, key = `change:${subscription.id}`): Promise<void> {
    return this.run(key, 'changeSubscription', AFTER.change, async (client, signal) => {
      const result = await client.subscriptions.change(subscription.id, body, { signal });
      return this.afterMutation('change', result);
    });
  }

  cancel(subscription: Subscription, body: CancelRequest): Promise<void> {
    return this.run(`cancel:${subscription.id}`, 'cancelSubscription', AFTER.cancel, async (client, signal) => {
      return this.afterMutation('cancel', await client.subscriptions.cancel(subscription.id, body, { signal }));
    });
  }

  resume(subscription: Subscription): Promise<void> {
    return this.run(`resume:${subscription.id}`, 'resumeSubscription', AFTER.resume, async (client, signal) => {
      let result: MutationResult;
      try {
        result = await client.subscriptions.resume(subscription.id, { signal });
      } catch (error) {
        // A service without the optional resume route: the Customer Portal can renew.
        if (error instanceof BillingError && (error.status === 404 || error.status === 405)) return this.portal(client, signal);
        throw error;
      }
      return this.afterMutation('resume', result);
    });
  }

  private async afterMutation(action: BillingAction, result: MutationResult): Promise<boolean> {
    if (result.hosted_invoice_url) {
      // The change is made; the owner pays the difference on Stripe's invoice page.
      this.owner.host.dispatchEvent(new BillingChangedEvent({ action, subscription: result.subscription }));
      if (this.redirect('invoice', result.hosted_invoice_url)) return true;
      await this.owner.reloadResources(AFTER[action]);
      return false;
    }
    await this.changed(action, result.subscription);
    return false;
  }

  /** Back from Stripe Checkout: sync the session once, then confirm the subscription is active. */
  finishCheckout(): void {
    const id = new URL(location.href).searchParams.get('checkout_session_id');
    if (id === null) return;
    history.replaceState(history.state, '', withoutSessionParam(location.href));
    if (!isCheckoutSessionId(id) || claimedSessions.has(id)) return;
    claimedSessions.add(id);
    this.checkoutReturn = 'confirming';
    void this.run('checkout-sync', 'syncCheckoutSession', AFTER['checkout-sync'], async (client, signal) => {
      const result = await client.subscriptions.syncCheckoutSession({ session_id: id }, { signal });
      await this.owner.reloadResources(AFTER['checkout-sync']);
      const started = () => {
        const subs = this.owner.subscriptions();
        const mine = result.subscription ? subs.find((s) => s.id === result.subscription!.id) : undefined;
        return mine ? STARTED.has(mine.status) : !result.subscription && subs.some((s) => STARTED.has(s.status));
      };
      for (const delay of [0, ...RETURN_CHECKS_MS]) {
        if (delay) {
          await this.sleep(delay, signal);
          await this.owner.reloadResources(['subscriptions', 'features']);
        }
        if (started()) {
          this.checkoutReturn = 'confirmed';
          const subscription = this.owner.subscriptions().find((s) => s.id === result.subscription?.id) ?? result.subscription;
          this.owner.host.dispatchEvent(new BillingChangedEvent({ action: 'checkout-sync', subscription }));
          return;
        }
      }
      this.checkoutReturn = 'processing';
    }).then(() => {
      if (this.checkoutReturn === 'confirming') this.checkoutReturn = this.failure ? 'failed' : undefined;
      this.update();
    });
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}
