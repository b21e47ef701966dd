/** Helpers for the owner's actions: dialogs, redirects and the element's sections. */
import { waitUntil } from './wait.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { BillingRedirectDetail } from '../../src/events/billing-redirect-event.js';
import type { BillingChangedDetail } from '../../src/events/billing-changed-event.js';
import { allElements } from '../../src/testing/queries.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';
import { rememberCheckout } from '../../src/session/checkout-return.js';
import { accountKey } from '../../src/session/config.js';

/** What the panel stores when it leaves for Checkout: this browser started `id` for the scenario's account. */
export function startedHere(s: RemoteScenario, id: string | undefined, options: { accountStyle?: boolean } = {}): void {
  rememberCheckout(accountKey({ baseUrl: s.baseUrl, token: s.token, accountId: options.accountStyle ? s.accountId : undefined }), id);
}

/** Prevents every navigation and records what the panel asked for. */
export function captureRedirects(el: HTMLElement): BillingRedirectDetail[] {
  const seen: BillingRedirectDetail[] = [];
  el.addEventListener('billing-redirect', (event) => {
    event.preventDefault();
    seen.push(event.detail);
  });
  return seen;
}

export function captureChanges(el: HTMLElement): BillingChangedDetail[] {
  const seen: BillingChangedDetail[] = [];
  el.addEventListener('billing-changed', (event) => seen.push(event.detail));
  return seen;
}

export function openDialog(el: BillingPanel): HTMLDialogElement | undefined {
  return allElements(el).find((e): e is HTMLDialogElement => e instanceof HTMLDialogElement && e.open);
}

/** Waits for a modal to open; the first one of a page also loads the dialogs' module. */
export async function waitForDialog(el: BillingPanel): Promise<HTMLDialogElement> {
  await waitUntil(() => openDialog(el), 'a dialog opens', { timeout: 5000 });
  return openDialog(el)!;
}

/** The element focused inside nested shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text of the live regions that announce what an action did. */
export const announced = (el: HTMLElement): string =>
  allElements(el)
    .filter((e) => e.getAttribute('role') === 'status' && e.getAttribute('aria-atomic') === 'true')
    .map((e) => e.textContent!.trim())
    .filter(Boolean)
    .join(' ');
