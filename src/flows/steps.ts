/**
 * The steps of the owner's actions that leave the page for Stripe — checkout, portal,
 * invoice — and of the return from Checkout, in the on-demand chunk (with the redirect
 * policy, the Checkout return and Stripe's locales they need). `ActionRunner` runs them:
 * busy state, veto, failures and reloads stay in the bundle.
 */
import type { RedirectKind } from '../events/billing-redirect-event.js';
import { stripeLocale } from '../i18n/stripe-locale.js';
import { parseRedirectHosts, redirectTarget } from '../security/redirect-policy.js';
import type { ActionSession } from '../session/actions.js';
import type { ActionFailure, BillingState, CheckoutReturn, ResourceName } from '../session/state.js';
import type { BillingAction } from '../events/billing-changed-event.js';
import type { Kit } from './kit.js';
import { claimCheckout, rememberCheckout, successUrl, takeReturningSession, withoutSessionParam } from '../session/checkout-return.js';

/** What the steps need from the runner. */
export interface StepRunner {
  readonly session: ActionSession;
  /** The `redirect-refused` error of a URL the policy refuses. */
  refused(details: string): Error;
  /** What each action changed, to load again. */
  readonly after: Readonly<Record<BillingAction, readonly ResourceName[]>>;
  checkoutReturn: CheckoutReturn | undefined;
  readonly failure: ActionFailure | undefined;
  /** Runs one action (none while another runs); `fn` returns true when a navigation started. */
  run(key: string, operation: string, reload: readonly ResourceName[], intent: undefined, fn: () => Promise<boolean | void>): Promise<void>;
}

/** Checks after the return from Checkout while the new subscription is not active yet. */
const RETURN_CHECKS_MS = [800, 1600, 3200];
const STARTED = new Set(['active', 'trialing']);

/** `url` through the redirect policy (`pdf`: an invoice's PDF, also on Stripe's PDF hosts): the URL, or why not. */
function target({ session }: StepRunner, url: string | null, pdf?: boolean): URL | string {
  return redirectTarget(url, parseRedirectHosts(session.config().redirectHosts), pdf);
}

/** Through the redirect policy, then the cancelable event; true when the page is leaving. */
export function redirect(runner: StepRunner, kind: RedirectKind, url: string): boolean {
  if (runner.session.disposed) return false;
  const to = target(runner, url);
  if (typeof to === 'string') throw runner.refused(to);
  return runner.session.redirect(kind, to.href);
}

/** `url` as a link the redirect policy allows, else undefined. */
export function link(runner: StepRunner, url: string | null, pdf?: boolean): string | undefined {
  const to = target(runner, url, pdf);
  return typeof to === 'string' ? undefined : to.href;
}

function page(url: string | undefined): string {
  return withoutSessionParam(new URL(url || location.href, location.href).href);
}

/** The panel's language as Stripe's locale, so Checkout and the portal open in it. */
const localeOf = (session: ActionSession) => ({ locale: stripeLocale(session.locale()) });

/** Creates a Checkout Session and leaves for it; true when the page is leaving. */
export async function checkout(runner: StepRunner, priceId: string, quantity?: number): Promise<boolean> {
  const { session } = runner;
  const { successUrl: success, cancelUrl } = session.config();
  const created = await session.client.subscriptions.createCheckoutSession(
    {
      price_id: priceId,
      success_url: successUrl(page(success)),
      cancel_url: page(cancelUrl),
      ...(quantity ? { quantity } : {}),
      ...localeOf(session),
    },
    { signal: session.signal },
  );
  if (session.disposed) return false;
  // Before leaving (or letting the host navigate): the return is matched against this.
  rememberCheckout(session.account, created.id);
  return redirect(runner, 'checkout', created.url);
}

/** Creates a Customer Portal session and leaves for it; true when the page is leaving. */
export async function portal(runner: StepRunner): Promise<boolean> {
  const { session } = runner;
  const created = await session.client.subscriptions.createPortalSession({ return_url: page(session.config().returnUrl), ...localeOf(session) }, { signal: session.signal });
  return redirect(runner, 'portal', created.url);
}

/**
 * Back from Stripe Checkout: the parameter is removed; a session this browser started for
 * this account is synced once, then checked until the subscription has started.
 */
export function finishCheckout(runner: StepRunner): void {
  const { session } = runner;
  const id = takeReturningSession();
  if (id === undefined || !claimCheckout(session.account, id)) return;
  runner.checkoutReturn = 'confirming';
  void runner
    .run('checkout-sync', 'syncCheckoutSession', runner.after['checkout-sync'], undefined, async () => {
      const result = await session.client.subscriptions.syncCheckoutSession({ session_id: id }, { signal: session.signal });
      const wanted = result.subscription?.id;
      const started = () => {
        const subs = session.subscriptions();
        const mine = wanted ? subs.find((s) => s.id === wanted) : undefined;
        return mine ? STARTED.has(mine.status) : !wanted && subs.some((s) => STARTED.has(s.status));
      };
      for (const delay of [0, ...RETURN_CHECKS_MS]) {
        if (delay) await session.sleep(delay);
        await session.reloadResources(delay ? ['subscriptions', 'features'] : runner.after['checkout-sync']);
        if (started()) {
          runner.checkoutReturn = 'confirmed';
          const subscription = session.subscriptions().find((s) => s.id === wanted) ?? result.subscription;
          await session.announce('checkout-sync', subscription);
          return;
        }
      }
      runner.checkoutReturn = 'processing';
    })
    .then(() => {
      if (session.disposed) return;
      if (runner.checkoutReturn === 'confirming') runner.checkoutReturn = runner.failure ? 'failed' : undefined;
      session.changed();
    });
}

/** What the return from Checkout is at, as a notice of the panel (its state is set only once this chunk is in). */
export function checkoutProgress({ html, nothing, msg }: Kit, state: BillingState): unknown {
  const notice = (tone: string, text: string) => html`<div class="notice tone-${tone}" part="notice" role="status"><p>${text}</p></div>`;
  switch (state.checkoutReturn) {
    case 'confirming':
      return notice('neutral', msg('Confirming your subscription…'));
    case 'confirmed':
      return notice('success', msg('Your subscription is active. Thank you!'));
    case 'processing':
      return notice('warning', msg('Your payment is still processing. The subscription will appear here once Stripe confirms it.'));
    default:
      return nothing;
  }
}
