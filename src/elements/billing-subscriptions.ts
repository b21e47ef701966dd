import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Price, Subscription } from '../api/schemas.js';
import type { BillingState, ResourceName, SubscriptionsData } from '../session/state.js';
import { formatDate, formatMoney, formatNumber, formatPrice } from '../i18n/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { cardChanges, isCanceling } from './catalog.js';
import { PAYMENT_NEEDED, statusLabel, statusTone } from './messages.js';
import { subscriptionsStyles } from './billing-subscriptions.styles.js';

const ENDED = new Set(['canceled', 'incomplete_expired']);

/** What a subscription costs per interval: its price times its quantity (seats). */
const totalPrice = (price: Price, quantity: number): Price =>
  price.unit_amount === null || quantity <= 1 ? price : { ...price, unit_amount: price.unit_amount * quantity };

/**
 * @summary The account's subscriptions: plan, status, price per interval, dates, a clear
 * notice when a payment is needed, "Show more" for further pages, and the owner's
 * actions on each: switch between monthly and yearly billing, cancel, resume, update the
 * payment method, pay the open invoice.
 * @tag billing-subscriptions
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart subscription - One subscription card.
 * @csspart plan-name - The plan name of a subscription.
 * @csspart status-badge - The status badge of a subscription.
 * @csspart payment-notice - The "payment needed" notice.
 * @csspart button - Every button.
 * @csspart action - The action buttons.
 * @csspart action-error - The message of a failed action.
 * @csspart dialog - The confirmation dialogs.
 * @csspart preview - Stripe's priced preview in a change dialog (due now, its lines, the next charge).
 * @csspart save-offer - The save offer in the cancel dialog.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @fires {BillingErrorEvent} billing-error - When used on its own: a request failed.
 * @fires {BillingLoadedEvent} billing-loaded - When used on its own: its data arrived.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - When used on its own: the session expired.
 * @fires {BillingRedirectEvent} billing-redirect - When used on its own: about to open a Stripe page (cancelable).
 * @fires {BillingActionEvent} billing-action - When used on its own: the owner asked for an action; cancelable (then nothing is sent).
 * @fires {BillingChangedEvent} billing-changed - When used on its own: an action succeeded.
 */
export class BillingSubscriptions extends BillingElement {
  static override styles = [sharedStyles, subscriptionsStyles];
  protected readonly resources: readonly ResourceName[] = ['subscriptions', 'merchants'];

  /** The dates that matter now, each said once. */
  private renderDates(sub: Subscription, locale: string) {
    const date = (value: Date) => formatDate(value, locale);
    const rows: Array<[string, string]> = [];
    const canceling = isCanceling(sub);
    if (ENDED.has(sub.status)) {
      const ended = sub.ended_at ?? sub.canceled_at;
      if (ended) rows.push([msg('Ended on'), date(ended)]);
    } else if (sub.status === 'trialing' && sub.trial_end) {
      rows.push([msg('Trial ends'), date(sub.trial_end)]);
      // What the trial turns into: the first charge, unless it is set to cancel.
      if (!canceling && sub.price && sub.price.unit_amount !== null) {
        rows.push([msg('Then', { desc: 'Term after "Trial ends": what is charged from the end of the trial on (the price per interval).' }), formatPrice(sub.price, locale)]);
      }
    } else if (!canceling && !PAYMENT_NEEDED.has(sub.status) && sub.current_period_end) {
      // Past due leads with paying (its notice); "Cancels on" already says when access ends.
      const charges = sub.status === 'active' && sub.price?.unit_amount !== null;
      rows.push([charges ? msg('Next charge') : msg('Current period ends'), date(sub.current_period_end)]);
    }
    // The price line is the whole amount; here what it is made of ("5 × $12.00").
    const unit = sub.price?.unit_amount;
    if (sub.quantity > 1) rows.push([msg('Quantity'), unit == null ? String(sub.quantity) : `${formatNumber(sub.quantity, locale)} × ${formatMoney(unit, sub.price!.currency, locale)}`]);
    return rows.length ? html`<dl>${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>` : nothing;
  }

  /** One primary action per card: pay when payment is needed, resume when set to cancel; cancel is a quiet text action. */
  private renderActions(sub: Subscription, state: BillingState, headingId: string) {
    const { allowed } = state;
    if (!allowed.size) return nothing;
    const actions = state.connection!.actions;
    const name = sub.plan?.name || msg('Subscription');
    // One place per kind of action, in a fixed order: when a card's actions change (its plans
    // arrived), each button keeps its element, so none turns into another action under the
    // pointer or focus.
    const slots: Partial<Record<'invoice' | 'portal' | 'change' | 'seats' | 'resume' | 'cancel', unknown>> = {};
    // Each button is described by its card's heading (the plan), so that "Cancel subscription"
    // says which one when several cards have one.
    const add = (key: string, label: string, onClick: () => void, extra?: Parameters<BillingSubscriptions['actionButton']>[3]) =>
      (slots[key.split(':')[0] as keyof typeof slots] = this.actionButton(key, label, onClick, { describedBy: headingId, ...extra }));
    if (PAYMENT_NEEDED.has(sub.status) || sub.status === 'paused') {
      const invoice = Boolean(sub.latest_invoice_url) && allowed.has('invoice');
      if (invoice) add(`invoice:${sub.id}`, msg('Pay invoice'), () => void actions.payInvoice(sub), { primary: true });
      if (allowed.has('portal')) add(`portal:${sub.id}`, msg('Update payment method'), () => void actions.openPortal(`portal:${sub.id}`), { primary: !invoice });
    }
    if (!ENDED.has(sub.status)) {
      const canceling = isCanceling(sub);
      const changes = allowed.has('change') ? cardChanges(sub, state) : undefined;
      const other = changes?.interval;
      if (other) {
        const label = other.interval === 'year' ? msg('Switch to yearly billing') : msg('Switch to monthly billing');
        add(`change:${sub.id}`, label, () => void this.flows.open({ kind: 'interval', sub, price: other }));
      }
      if (changes?.seats) {
        add(`seats:${sub.id}`, msg('Change seats'), () => void this.flows.open({ kind: 'seats', sub, quantity: sub.quantity }), {
          name: msg(str`Change seats of ${name}, ${sub.quantity} now`, { desc: 'Accessible name of the seat button: the plan and the current number of seats.' }),
        });
      }
      if (canceling && allowed.has('resume')) {
        add(
          `resume:${sub.id}`,
          msg('Resume subscription', { desc: 'Shown on a subscription that is still active but set to cancel at the period end: undoes the cancellation so it renews again.' }),
          () => this.resume(sub),
          { primary: true },
        );
      } else if (!canceling && allowed.has('cancel')) {
        add(`cancel:${sub.id}`, msg('Cancel subscription'), () => void this.flows.open({ kind: 'cancel', sub }), { quiet: true });
      }
    }
    const keys = ['portal', 'invoice', 'change', 'seats', 'cancel', 'resume'].map((kind) => `${kind}:${sub.id}`);
    const failures: Record<string, string> = {
      portal: msg('Could not open the payment settings.', { desc: 'An action failed: the Stripe page to update the payment method did not open.' }),
      invoice: msg('Could not open the invoice.', { desc: 'An action failed: the Stripe page of the open invoice did not open.' }),
      change: msg('Could not change the subscription.', { desc: 'An action failed: switching between monthly and yearly billing, or to another plan.' }),
      seats: msg('Could not change the number of seats.', { desc: 'An action failed: changing the quantity (seats) of a subscription.' }),
      cancel: msg('Could not cancel the subscription.', { desc: 'An action failed: cancelling the subscription.' }),
      resume: msg('Could not undo the cancellation.', { desc: 'An action failed: keeping a subscription that was set to cancel at the period end.' }),
    };
    return html`${Object.keys(slots).length
        ? html`<div class="row actions" role="group" aria-label=${msg(str`Actions for ${name}`)}>
            ${slots.invoice}${slots.portal}${slots.change}${slots.seats}${slots.resume}${slots.cancel}
          </div>`
        : nothing}
      ${this.renderActionFailure(keys, (key) => failures[key.split(':')[0]!]!)}`;
  }

  /** The subscription as it is now, after an action reloaded the list. */
  private current(id: string): Subscription | undefined {
    return this.billing.subscriptions.value?.items.find((s) => s.id === id);
  }

  private nameOf(sub: Subscription | undefined): string {
    return sub?.plan?.name || msg('Subscription');
  }

  private resume(sub: Subscription) {
    const key = `resume:${sub.id}`;
    this.settle(key, this.billing.connection!.actions.resume(sub), () => {
      const now = this.current(sub.id);
      const next = now?.current_period_end;
      return {
        message: next
          ? msg(str`Your ${this.nameOf(now)} subscription continues. Next charge on ${formatDate(next, this.billing.locale)}.`)
          : msg(str`Your ${this.nameOf(now)} subscription continues.`),
        focus: `[data-subscription-id="${sub.id}"]`,
      };
    });
  }

  private renderSubscription(sub: Subscription, state: BillingState, index: number, level: number) {
    const { locale } = state;
    const name = sub.plan?.name || msg('Subscription');
    const cancelsOn = !ENDED.has(sub.status) && isCanceling(sub) ? (sub.cancel_at ?? sub.current_period_end) : null;
    const payment = PAYMENT_NEEDED.has(sub.status);
    return html`<li class="card ${payment ? 'needs-payment' : ''}" part="subscription" data-subscription-id=${sub.id} tabindex="-1" aria-labelledby="subscription-${index}">
      <div class="row spread">
        ${this.heading(level, `subscription-${index}`, name, 'plan-name')}
        <span class="badge tone-${statusTone(sub.status)}" part="status-badge">${statusLabel(sub.status)}</span>
      </div>
      ${payment
        ? html`<p class="payment-notice" part="payment-notice">
            <strong>${msg('Payment needed.')}</strong>
            ${sub.status === 'incomplete'
              ? msg('The first payment for this subscription has not gone through yet.')
              : msg('The latest payment did not go through. Update your payment method or pay the open invoice to keep this subscription.')}
          </p>`
        : nothing}
      ${sub.price ? html`<p class="price">${formatPrice(totalPrice(sub.price, sub.quantity), locale)}</p>` : nothing}
      ${cancelsOn ? html`<p class="cancels">${msg(str`Cancels on ${formatDate(cancelsOn, locale)}`)}</p>` : nothing}
      ${this.renderDates(sub, locale)}
      ${this.renderActions(sub, state, `subscription-${index}`)}
    </li>`;
  }

  private renderList(data: SubscriptionsData) {
    const state = this.billing;
    if (data.items.length === 0) {
      return html`<p class="muted empty">${msg('No subscriptions yet. Choose a plan to subscribe.')}</p>`;
    }
    // Live subscriptions first; ended ones grouped after them.
    const indexed = data.items.map((sub, i) => [sub, i] as const);
    const live = indexed.filter(([sub]) => !ENDED.has(sub.status));
    const ended = indexed.filter(([sub]) => ENDED.has(sub.status));
    return html`${live.length ? html`<ul class="plain">${live.map(([sub, i]) => this.renderSubscription(sub, state, i, 1))}</ul>` : nothing}
      ${ended.length
        ? html`<div class="past">
            ${this.heading(1, 'past-heading', msg('Past subscriptions'), 'heading past-heading')}
            <ul class="plain">${ended.map(([sub, i]) => this.renderSubscription(sub, state, i, 2))}</ul>
          </div>`
        : nothing}
      ${this.renderMore('subscriptions', data.hasMore, msg('Show more subscriptions'), msg('Could not load more subscriptions.'))}`;
  }

  override render() {
    return this.renderSection(
      'subscriptions-heading',
      msg('Subscriptions'),
      (state) => html`${this.renderResource('subscriptions', state.subscriptions, msg('Could not load subscriptions.'), (data) => this.renderList(data), {
        cards: 1,
        lines: 3,
        pairs: 1,
        actions: state.allowed.size ? 2 : 0,
      })}
      ${this.renderLive()} ${this.flows.render()}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscriptions': BillingSubscriptions;
  }
}
