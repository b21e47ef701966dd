/**
 * The panel's deep-link methods (`checkout`, `openChange`, `openCancel`, `openPortal`), in
 * the on-demand chunk: each opens only what a card or the header would offer now.
 */
import type { BillingState } from '../session/state.js';
import type { Flow } from './keys.js';
import type { Kit } from './kit.js';

/** What the deep links use of the panel. */
export interface DeepLinkHost {
  readonly kit: Kit;
  /** The state once the subscriptions and plans are known (or failed); undefined when the panel cannot act. */
  known(): Promise<BillingState | undefined>;
  open(flow: Flow): Promise<boolean>;
}

async function liveSubscription({ kit, known }: DeepLinkHost, id: string) {
  const state = await known();
  const sub = state?.subscriptions.value?.items.find((s) => s.id === id);
  return state && sub && kit.LIVE_STATUSES.has(sub.status) ? { state, sub } : undefined;
}

/** Checkout, unless not allowed or the account already has a live subscription (a switch is a change, not a second checkout). */
export async function checkout(host: DeepLinkHost, priceId: string, quantity?: number): Promise<boolean> {
  const state = await host.known();
  if (!state?.allowed.has('checkout') || !state.subscriptions.value) return false;
  if (state.subscriptions.value.items.some((sub) => host.kit.LIVE_STATUSES.has(sub.status))) return false;
  await state.connection!.actions.subscribe(priceId, quantity);
  return true;
}

/** The change dialog its card would open: a plan switch to `priceId`, the seats, or the other interval. */
export async function openChange(host: DeepLinkHost, subscriptionId: string, target: { priceId?: string; interval?: 'month' | 'year'; quantity?: number }): Promise<boolean> {
  const found = await liveSubscription(host, subscriptionId);
  if (!found) return false;
  const { state, sub } = found;
  // What the card and the plans offer: no change while it is set to cancel or awaits a payment.
  const changes = host.kit.cardChanges(sub, state);
  if (!changes) return false;
  if (target.priceId) {
    for (const merchant of state.merchants.value ?? []) {
      for (const plan of merchant.plans) {
        const price = plan.prices.find((p) => p.id === target.priceId);
        if (price && price.id !== sub.price?.id) return host.open({ kind: 'plan', sub, plan, price });
      }
    }
    return false;
  }
  if (target.quantity !== undefined || (target.interval === undefined && changes.seats)) {
    return changes.seats ? host.open({ kind: 'seats', sub, quantity: target.quantity ?? sub.quantity }) : false;
  }
  const other = changes.interval;
  if (!other || (target.interval && other.interval !== target.interval)) return false;
  return host.open({ kind: 'interval', sub, price: other });
}

export async function openCancel(host: DeepLinkHost, subscriptionId: string): Promise<boolean> {
  const found = await liveSubscription(host, subscriptionId);
  return found && !host.kit.isCanceling(found.sub) ? host.open({ kind: 'cancel', sub: found.sub }) : false;
}

export async function openPortal(host: DeepLinkHost): Promise<boolean> {
  const state = await host.known();
  if (!state?.allowed.has('portal')) return false;
  await state.connection!.actions.openPortal();
  return true;
}
