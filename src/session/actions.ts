/**
 * The owner's actions in one session, one at a time. Each sends one POST (never retried
 * automatically; a 401 is answered once with a fresh token by the client, since the service
 * ran nothing), shows busy state on the control that started it, and after success reloads
 * what it changed; `billing-changed` follows once that has rendered. A failure is kept for
 * its control to explain, reported as `billing-error`, and what it touched is reloaded.
 * Every URL from the service goes through the redirect policy and a cancelable
 * `billing-redirect`. A disposed session finishes nothing: no render, event or redirect.
 * The steps that leave for Stripe, and the return from Checkout, are in the on-demand
 * chunk (`flows/steps.ts`); when it cannot load, the action fails like a failed request.
 */
import type { BillingClient, CancelRequest, ChangeRequest } from '../api/client.js';
import { BillingError, isAbortError } from '../api/errors.js';
import type { Invoice, MutationResult, Subscription } from '../api/schemas.js';
import type { BillingActionDetail } from '../events/billing-action-event.js';
import type { BillingAction } from '../events/billing-changed-event.js';
import type { RedirectKind } from '../events/billing-redirect-event.js';
import { loadOnDemand, needOnDemand } from '../flows/load.js';
import type { StepRunner } from '../flows/steps.js';
import type { BillingConfig } from './config.js';
import type { ActionFailure, CheckoutReturn, ResourceName } from './state.js';

/** What the runner needs from its session. */
export interface ActionSession {
  readonly client: BillingClient;
  readonly account: string;
  readonly disposed: boolean;
  readonly signal: AbortSignal;
  config(): BillingConfig;
  locale(): string;
  subscriptions(): Subscription[];
  reloadResources(names: readonly ResourceName[]): Promise<void>;
  changed(): void;
  report(operation: string, error: BillingError): void;
  unauthorized(): void;
  /** Dispatches the cancelable `billing-redirect` and navigates unless prevented; false when prevented. */
  redirect(kind: RedirectKind, url: string): boolean;
  /** Asks the host (`billing-action`, cancelable) whether the owner's action may go ahead. */
  permit(intent: BillingActionDetail): boolean;
  /** `billing-changed`, once what the action changed has rendered. */
  announce(action: BillingAction, subscription: Subscription | null): Promise<void>;
  sleep(ms: number): Promise<void>;
}

/** A navigation that has not left the page after this long was stopped: the controls come back. */
export const STALLED_NAVIGATION_MS = 5000;

/** What each action changed, to load again (a new subscription, a sync or a change can bring invoices). */
const AFTER: Record<BillingAction, readonly ResourceName[]> = {
  'checkout-sync': ['subscriptions', 'features', 'identity', 'invoices'],
  sync: ['subscriptions', 'features', 'identity', 'invoices'],
  change: ['subscriptions', 'features', 'invoices'],
  cancel: ['subscriptions', 'features'],
  resume: ['subscriptions', 'features'],
};

/** The steps of the actions that leave for Stripe (the on-demand chunk). */
const steps = () => needOnDemand('the steps of the action');

export class ActionRunner implements StepRunner {
  readonly after = AFTER;
  busy: string | undefined;
  failure: ActionFailure | undefined;
  checkoutReturn: CheckoutReturn | undefined;
  lastSynced: Date | undefined;

  constructor(readonly session: ActionSession) {}

  refused(details: string): BillingError {
    return new BillingError('redirect-refused', undefined, { details });
  }

  /** A step before any request failed (the dialogs could not load): said next to its control, reported. */
  fail(key: string, operation: string, error: BillingError): void {
    if (this.session.disposed) return;
    this.failure = { key, error };
    this.session.report(operation, error);
    this.session.changed();
  }

  /** Back from the bfcache: nothing is in flight any more. */
  restored(): void {
    this.busy = undefined;
    this.failure = undefined;
  }

  /**
   * Runs one action if none is running and the host does not veto it (`intent`: the
   * owner's action; none for the return from Checkout); `fn` returns true when a navigation
   * started.
   */
  async run(
    key: string,
    operation: string,
    reload: readonly ResourceName[],
    intent: BillingActionDetail | undefined,
    fn: () => Promise<boolean | void>,
  ): Promise<void> {
    const session = this.session;
    if (this.busy || session.disposed) return;
    if (intent && !session.permit(intent)) return;
    this.busy = key;
    this.failure = undefined;
    session.changed();
    let navigating = false;
    try {
      navigating = (await fn()) === true;
    } catch (error) {
      if (session.disposed || isAbortError(error)) return;
      // The words of a failure are in the on-demand chunk: said once it is in.
      await loadOnDemand().catch(() => undefined);
      if (session.disposed) return;
      const failure = error instanceof BillingError ? error : new BillingError('invalid-response', undefined, { cause: error });
      this.failure = { key, error: failure };
      if (failure.kind === 'unauthorized') session.unauthorized();
      else session.report(operation, failure);
      if (reload.length && failure.kind !== 'unauthorized') void session.reloadResources(reload);
    } finally {
      if (!session.disposed) {
        if (navigating) void this.giveBackIfStalled(key);
        else if (this.busy === key) this.busy = undefined;
        session.changed();
      }
    }
  }

  /** A navigation that is stopped (or blocked) leaves the page here: its controls come back. */
  private async giveBackIfStalled(key: string): Promise<void> {
    await this.session.sleep(STALLED_NAVIGATION_MS);
    if (this.busy === key && document.visibilityState === 'visible') {
      this.busy = undefined;
      this.session.changed();
    }
  }

  /** Through the redirect policy, then the cancelable `billing-redirect`; true when the page is leaving. */
  private async redirect(kind: RedirectKind, url: string): Promise<boolean> {
    return (await steps()).redirect(this, kind, url);
  }

  private async changed(action: BillingAction, subscription: Subscription | null): Promise<void> {
    await this.session.reloadResources(AFTER[action]);
    await this.session.announce(action, subscription);
  }

  subscribe(priceId: string, quantity?: number): Promise<void> {
    const intent: BillingActionDetail = { action: 'checkout', priceId, ...(quantity ? { quantity } : {}) };
    return this.run(`checkout:${priceId}`, 'createCheckoutSession', [], intent, async () => (await steps()).checkout(this, priceId, quantity));
  }

  openPortal(key = 'portal'): Promise<void> {
    return this.run(key, 'createPortalSession', [], { action: 'portal' }, async () => (await steps()).portal(this));
  }

  /** Opens Stripe's page of an open invoice: a subscription's latest one, or one of the invoice history. */
  payInvoice(source: Subscription | Invoice): Promise<void> {
    const invoice = 'hosted_invoice_url' in source;
    const subscriptionId = invoice ? source.subscription_id : source.id;
    const intent: BillingActionDetail = { action: 'invoice' };
    if (subscriptionId) intent.subscriptionId = subscriptionId;
    const url = (invoice ? source.hosted_invoice_url : source.latest_invoice_url) ?? '';
    return this.run(`invoice:${source.id}`, 'payInvoice', [], intent, () => this.redirect('invoice', url));
  }

  sync(): Promise<void> {
    return this.run('sync', 'syncSubscriptions', AFTER.sync, { action: 'sync' }, async () => {
      await this.session.client.subscriptions.sync({ signal: this.session.signal, allowDeletes: false });
      this.lastSynced = new Date();
      await this.changed('sync', null);
    });
  }

  change(subscription: Subscription, body: ChangeRequest, key = `change:${subscription.id}`): Promise<void> {
    const intent: BillingActionDetail = { action: 'change', subscriptionId: subscription.id };
    if (body.price_id !== undefined) intent.priceId = body.price_id;
    if (body.interval !== undefined) intent.interval = body.interval;
    if (body.quantity !== undefined) intent.quantity = body.quantity;
    return this.run(key, 'changeSubscription', AFTER.change, intent, async () =>
      this.afterMutation('change', await this.session.client.subscriptions.change(subscription.id, body, { signal: this.session.signal })),
    );
  }

  cancel(subscription: Subscription, body: CancelRequest): Promise<void> {
    const intent: BillingActionDetail = { action: 'cancel', subscriptionId: subscription.id, timing: body.timing };
    if (body.reason) intent.reason = body.reason;
    return this.run(`cancel:${subscription.id}`, 'cancelSubscription', AFTER.cancel, intent, async () =>
      this.afterMutation('cancel', await this.session.client.subscriptions.cancel(subscription.id, body, { signal: this.session.signal })),
    );
  }

  resume(subscription: Subscription): Promise<void> {
    const intent = { action: 'resume', subscriptionId: subscription.id } as const;
    return this.run(`resume:${subscription.id}`, 'resumeSubscription', AFTER.resume, intent, async () => {
      let result: MutationResult;
      try {
        result = await this.session.client.subscriptions.resume(subscription.id, { signal: this.session.signal });
      } catch (error) {
        // A service without the optional resume route: the Customer Portal can renew.
        if (error instanceof BillingError && (error.status === 404 || error.status === 405)) return (await steps()).portal(this);
        throw error;
      }
      return this.afterMutation('resume', result);
    });
  }

  private async afterMutation(action: BillingAction, result: MutationResult): Promise<boolean> {
    if (result.hosted_invoice_url) {
      // The change is made; the owner pays the difference on Stripe's invoice page.
      if (await this.redirect('invoice', result.hosted_invoice_url)) {
        void this.session.announce(action, result.subscription);
        return true;
      }
    }
    await this.changed(action, result.subscription);
    return false;
  }

  /**
   * Back from Stripe Checkout (`flows/steps.ts`): only a page opened with Stripe's parameter
   * loads the chunk for it.
   */
  finishCheckout(): void {
    if (!new URLSearchParams(location.search).has('checkout_session_id')) return;
    steps().then(
      (chunk) => this.session.disposed || chunk.finishCheckout(this),
      (error: BillingError) => this.fail('checkout-sync', 'syncCheckoutSession', error),
    );
  }
}
