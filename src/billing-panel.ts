import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { BillingError } from './api/errors.js';
import { RESOURCES, type BillingState, type ResourceName } from './session/state.js';
import { BillingElement } from './elements/billing-element.js';
import { billingErrorEvent } from './events/billing-error-event.js';
import type { DeepLinkHost } from './flows/deep-links.js';
import { kit } from './flows/kit.js';
import { needOnDemand, onDemand, type OnDemandModule } from './flows/load.js';
import { contentLanguage } from './i18n/localization.js';
import { sharedStyles } from './styles/shared.styles.js';
import { panelStyles } from './billing-panel.styles.js';

const SECTION_PARTS =
  'base: section, heading: section-heading, subscription, status-badge, payment-notice, plan, plan-name, price, badge, ' +
  'interval-toggle, merchant, feature, meter, invoice, link, button, action, action-error, dialog, preview, save-offer, skeleton, error, notice';

/**
 * @summary Shows and manages the Stripe subscriptions of an account, for its owner:
 * subscriptions, invoices, plans, features and the billing customer, from the account's billing service.
 * @tag billing-panel
 *
 * @slot - Billing elements (`billing-subscriptions`, `billing-invoices`, `billing-plans`, `billing-features`,
 * `billing-identity`) that replace the default layout; they share the panel's connection.
 *
 * @fires {BillingLoadedEvent} billing-loaded - Every section has its data and has rendered it (the invoices too, or the service said it offers none). `detail`: `{subscriptions, features, identity, merchants, invoices}` (`invoices`: `null` when not offered).
 * @fires {BillingErrorEvent} billing-error - A request or the configuration failed. `detail`: `{operation, kind, status, message, details}`.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - The token expired or was refused and `tokenProvider` could not give a valid one.
 * @fires {BillingRedirectEvent} billing-redirect - About to open a Stripe page; cancelable (then the host navigates). `detail`: `{kind: 'checkout' | 'portal' | 'invoice', url}`.
 * @fires {BillingActionEvent} billing-action - The owner asked for an action; nothing is sent yet. Cancelable: `preventDefault()` sends nothing. `detail`: `{action: 'checkout' | 'portal' | 'invoice' | 'sync' | 'change' | 'cancel' | 'resume', subscriptionId?, priceId?, interval?, quantity?, timing?, reason?}`.
 * @fires {BillingChangedEvent} billing-changed - An owner action succeeded and the reloaded data has rendered. `detail`: `{action, subscription}`.
 *
 * @csspart base - The panel's outer box.
 * @csspart header - The header with the title.
 * @csspart notice - A panel-wide message (not configured, session expired, owner only).
 * @csspart section - Each section (subscriptions, invoices, plans, features, billing details).
 * @csspart section-heading - Each section's heading.
 * @csspart subscription - One subscription card.
 * @csspart status-badge - A subscription's or an invoice's status badge.
 * @csspart payment-notice - The "payment needed" notice of a subscription.
 * @csspart plan - One plan card.
 * @csspart plan-name - A plan's (or subscription's) name.
 * @csspart price - A plan's price.
 * @csspart badge - "Current plan", "Test mode", "Expired" and saving badges.
 * @csspart interval-toggle - The month/year toggle of the plans.
 * @csspart merchant - One merchant's group of plans.
 * @csspart feature - One feature row.
 * @csspart invoice - One invoice row.
 * @csspart link - The "View" and "PDF" links of an invoice.
 * @csspart meter - A usage meter.
 * @csspart button - Every button.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - A section's error notice with its retry button.
 * @csspart action - The action buttons (subscribe, switch, cancel, resume, pay, manage billing, sync…).
 * @csspart action-error - The message of a failed action, next to its control.
 * @csspart dialog - The confirmation dialogs.
 * @csspart preview - Stripe's priced preview in a change dialog (due now, its lines, the next charge).
 * @csspart save-offer - The save offer in the cancel dialog.
 *
 * @cssproperty --billing-accent - Buttons, links, focus ring, meters. Default #4338ca (dark: #a5b4fc).
 * @cssproperty --billing-on-accent - Text on accent-coloured buttons. Default #ffffff (dark: #111827).
 * @cssproperty --billing-text - Text. Default #1a1f36 (dark: #f3f4f6).
 * @cssproperty --billing-muted - Secondary text. Default #525b70 (dark: #aeb4c2).
 * @cssproperty --billing-surface - Background. Default #ffffff (dark: #111827).
 * @cssproperty --billing-subtle - Subtle backgrounds (meters, skeletons). Default #f4f5f8 (dark: #1f2937).
 * @cssproperty --billing-border - Borders. Default #d5d9e2 (dark: #3b4556).
 * @cssproperty --billing-danger - Errors and payment-needed text. Default #b42318 (dark: #fda29b).
 * @cssproperty --billing-danger-bg - Background of danger notices and badges. Default #fef3f2.
 * @cssproperty --billing-warning - Warnings (cancels on, test mode). Default #8a4b00 (dark: #fec84b).
 * @cssproperty --billing-warning-bg - Background of warnings. Default #fff6e5.
 * @cssproperty --billing-success - Success (active, current plan, saving). Default #05603a (dark: #75e0a7).
 * @cssproperty --billing-success-bg - Background of success badges. Default #ecfdf3.
 * @cssproperty --billing-radius - Corner radius. Default 8px.
 * @cssproperty --billing-spacing - Base spacing. Default 1rem.
 * @cssproperty --billing-font - Font family. Default: the element's `font-family`, which is a system UI stack covering Thai and CJK unless the page styles `billing-panel` (`billing-panel { font-family: inherit }` takes the page's font).
 */
export class BillingPanel extends BillingElement {
  static override styles = [sharedStyles, panelStyles];
  protected static override readonly provides = true;
  protected readonly resources: readonly ResourceName[] = RESOURCES;

  /** Light-DOM children replace the default layout. */
  static override properties: PropertyDeclarations = { slotted: { state: true } };
  private slotted = false;

  private onSlotChange(event: Event) {
    const slot = event.target as HTMLSlotElement;
    this.slotted = slot.assignedElements().length > 0;
  }

  private loadAnnouncement(): string {
    const state = this.billing;
    if (state.phase !== 'ok') return '';
    const views = RESOURCES.map((name) => state[name]);
    if (views.some((v) => v.status === 'loading' || v.refreshing)) return msg('Loading billing information…');
    if (views.some((v) => v.status === 'error')) return msg('Some billing information could not be loaded.');
    return msg('Billing information loaded.');
  }

  /** One quiet header action: the Stripe portal, once there is a customer. */
  private renderHeaderActions() {
    const state = this.billing;
    if (state.phase !== 'ok' || !state.allowed.has('portal')) return nothing;
    const customer = state.identity.value?.customer_id;
    return customer ? this.actionButton('portal', msg('Manage billing'), () => void state.connection!.actions.openPortal()) : nothing;
  }

  /** "Last synced" with a quiet refresh from Stripe: only when there is a customer and data to refresh. */
  private renderSync() {
    const state = this.billing;
    const customer = state.identity.value?.customer_id;
    if (!customer || state.subscriptions.value === undefined) return nothing;
    // A status region from the start, so that each sync's time is announced.
    return html`<p class="muted synced">
      <span role="status">${state.lastSynced ? msg(str`Last synced ${new Intl.DateTimeFormat(state.locale, { timeStyle: 'short' }).format(state.lastSynced)}`) : nothing}</span>
      ${!state.allowed.has('sync') ? nothing : this.actionButton('sync', msg('Sync with Stripe'), () => void state.connection!.actions.sync(), { quiet: true })}
    </p>
    ${this.renderActionFailure(['sync'], () => msg('Could not sync with Stripe.', { desc: 'An action failed: bringing the subscriptions up to date from Stripe.' }))}`;
  }

  private renderProgress() {
    const state = this.billing;
    const failures: Record<string, string> = {
      portal: msg('Could not open the billing settings.', { desc: 'An action failed: the Stripe page to manage billing did not open.' }),
      'checkout-sync': msg('Could not confirm your subscription.', { desc: 'After a return from Stripe Checkout, confirming the new subscription failed.' }),
    };
    return html`${onDemand()?.checkoutProgress(kit, state) ?? nothing}
      ${this.renderActionFailure(Object.keys(failures), (key) => failures[key]!)}`;
  }

  /** Loads every resource again. */
  reload(): void {
    this.reloadSession();
  }

  /** Resolves once the subscriptions (and plans) are known, or failed: a deep link waits for them. */
  private async known(): Promise<BillingState | undefined> {
    for (;;) {
      const state = this.billing;
      if (state.phase !== 'ok' && state.phase !== 'unconfigured') return undefined;
      const settled = (name: 'subscriptions' | 'merchants') => state[name].value !== undefined || state[name].status === 'error';
      if (state.connection && settled('subscriptions') && settled('merchants')) return state;
      await new Promise<void>((resolve) => this.#rendered.add(resolve));
    }
  }

  /** Deep links waiting for the next state. */
  readonly #rendered = new Set<() => void>();

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const resolve of this.#rendered) resolve();
    this.#rendered.clear();
  }

  /** A deep link, run by the on-demand chunk; false (and `billing-error`) when it cannot load. */
  async #deepLink(link: (links: OnDemandModule['deepLinks'], host: DeepLinkHost) => Promise<boolean>): Promise<boolean> {
    try {
      const chunk = await needOnDemand('the deep links');
      return await link(chunk.deepLinks, { kit, known: () => this.known(), open: (flow) => this.flows.open(flow) });
    } catch (error) {
      this.dispatchEvent(billingErrorEvent('deepLink', error as BillingError));
      return false;
    }
  }

  /**
   * Starts Stripe Checkout for `priceId`, as the plan's Subscribe button does (the
   * `billing-action` veto first). False when it is not offered: not in `actions`, or the
   * account already has a live subscription (a switch is a change, not a second checkout).
   */
  checkout(priceId: string, quantity?: number): Promise<boolean> {
    return this.#deepLink((links, host) => links.checkout(host, priceId, quantity));
  }

  /**
   * Opens the confirmation of a change of subscription `subscriptionId`: to `priceId` (a
   * plan switch), to `interval`, to `quantity` seats; without a target, its seats when it
   * has adjustable seats, else the switch to its other interval. Resolves true when the
   * dialog opened; nothing is changed until the owner confirms.
   */
  openChange(subscriptionId: string, target: { priceId?: string; interval?: 'month' | 'year'; quantity?: number } = {}): Promise<boolean> {
    return this.#deepLink((links, host) => links.openChange(host, subscriptionId, target));
  }

  /** Opens the cancel confirmation of subscription `subscriptionId` (with its save offer); true when it opened. */
  openCancel(subscriptionId: string): Promise<boolean> {
    return this.#deepLink((links, host) => links.openCancel(host, subscriptionId));
  }

  /** Opens the Stripe Customer Portal, as "Manage billing" does (the `billing-action` veto first); false when not offered. */
  openPortal(): Promise<boolean> {
    return this.#deepLink((links, host) => links.openPortal(host));
  }

  override render() {
    const state = this.billing;
    return html`<section class="base ${this.themeClass()}" part="base" lang=${contentLanguage(state.locale)} aria-labelledby="billing-title">
      <div class="row spread header" part="header">
        <h2 id="billing-title">${msg('Billing')}</h2>
        ${this.renderHeaderActions()}
      </div>
      ${state.phase === 'ok' ? this.renderProgress() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.loadAnnouncement()}</div>
      ${state.phase === 'ok' ? nothing : this.renderPhase(state)}
      <div class="slot" ?hidden=${state.phase !== 'ok' || !this.slotted}><slot @slotchange=${this.onSlotChange}></slot></div>
      <div class="sections" ?hidden=${state.phase !== 'ok' || this.slotted}>
        <billing-subscriptions exportparts=${SECTION_PARTS}></billing-subscriptions>
        ${state.invoices.value === null ? nothing : html`<billing-invoices exportparts=${SECTION_PARTS}></billing-invoices>`}
        <billing-plans exportparts=${SECTION_PARTS}></billing-plans>
        <billing-features exportparts=${SECTION_PARTS}></billing-features>
        <billing-identity exportparts=${SECTION_PARTS}></billing-identity>
      </div>
      <div class="sync" ?hidden=${state.phase !== 'ok' || this.slotted}>${state.phase === 'ok' ? this.renderSync() : nothing}</div>
      ${this.renderLive()} ${this.flows.render()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-panel': BillingPanel;
  }
}
