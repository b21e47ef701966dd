/**
 * After an action the owner confirmed (in the on-demand chunk): on failure focus goes back
 * to its control (its message says why); on success the live region says what happened and
 * focus lands on what now applies, so it never drops to the page's body. Nothing happens
 * while the page is leaving for Stripe.
 */
import type { BillingConnection, BillingState } from '../session/state.js';

type Rendering = HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean> };

/** The element that showed the action. */
export interface SettleHost {
  readonly element: Rendering;
  state(): BillingState;
  announce(message: string): void;
}

/** `selector` in the host's shadow root, else in the billing elements inside it (a panel's flow focuses a card of its section). */
function find({ element }: SettleHost, selector: string): HTMLElement | null {
  const roots = [element, ...element.renderRoot.querySelectorAll('*'), ...element.querySelectorAll('*')]
    .filter((e) => e.localName.startsWith('billing-'))
    .map((e) => (e as Rendering).renderRoot);
  for (const root of roots) {
    const found = root?.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

export async function settle(
  host: SettleHost,
  connection: BillingConnection | undefined,
  key: string,
  action: Promise<void>,
  settled: () => { message: string; focus: string },
): Promise<void> {
  await action;
  // The panel and its sections render the outcome first (this element's state comes from
  // the panel through context, a render later): the card, the message and the focus
  // target are then the new ones.
  await connection?.rendered();
  await host.element.updateComplete;
  const state = host.state();
  if (state.busy === key || state.connection !== connection) return;
  if (state.actionFailure?.key === key) {
    find(host, `[data-action="${key}"]`)?.focus();
    return;
  }
  const { message, focus } = settled();
  host.announce(message);
  await host.element.updateComplete;
  find(host, focus)?.focus();
}
