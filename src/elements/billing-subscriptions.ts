import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CANCEL_REASONS, type Price, type Subscription } from '../api/schemas.js';
import type { BillingState, ResourceName, SubscriptionsData } from '../session/state.js';
import { formatDate, formatPrice } from '../i18n/format.js';
import type { ActionRunner } from '../session/actions.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { PAYMENT_NEEDED, prorationNote, reasonLabel, statusLabel, statusTone } from './messages.js';
import { subscriptionsStyles } from './billing-subscriptions.styles.js';

const ENDED = new Set(['canceled', 'incomplete_expired']);

/** The same plan's price for the other interval (month ↔ year), when the catalog has one. */
export function alternatePrice(sub: Subscription, state: BillingState): Price | undefined {
  const current = sub.price;
  if (!current || current.interval_count !== 1 || (current.interval !== 'month' && current.interval !== 'year')) return undefined;
  const other = current.interval === 'month' ? 'year' : 'month';
  for (const merchant of state.merchants.value ?? []) {
    if (sub.merchant_id && merchant.id !== sub.merchant_id) continue;
    for (const plan of merchant.plans) {
      if (plan.id !== sub.plan?.id && !plan.prices.some((p) => p.id === current.id)) continue;
      const found = plan.prices.find((p) => p.interval === other && p.interval_count === 1 && p.currency === current.currency);
      if (found) return found;
    }
  }
  return undefined;
}

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

  /** The subscription (and new price) a confirmation dialog is about. */
  @state() private target: { sub: Subscription; price?: Price } | undefined;

  /** The dates that matter now, each said once. */
  private renderDates(sub: Subscription, locale: string) {
    const date = (value: Date) => formatDate(value, locale);
    const rows: Array<[string, string]> = [];
    const canceling = sub.cancel_at_period_end || sub.cancel_at !== null;
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
    if (sub.quantity > 1) rows.push([msg('Quantity'), String(sub.quantity)]);
    return rows.length ? html`<dl>${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>` : nothing;
  }

  /** One primary action per card: pay when payment is needed, resume when set to cancel; cancel is a quiet text action. */
  private renderActions(sub: Subscription, state: BillingState) {
    if (state.readOnly) return nothing;
    const actions = state.connection!.actions;
    const name = sub.plan?.name || msg('Subscription');
    const buttons = [];
    if (PAYMENT_NEEDED.has(sub.status) || sub.status === 'paused') {
      const invoice = Boolean(sub.latest_invoice_url);
      if (invoice) buttons.push(this.actionButton(`invoice:${sub.id}`, msg('Pay invoice'), () => void actions.payInvoice(sub), { primary: true }));
      buttons.push(this.actionButton(`portal:${sub.id}`, msg('Update payment method'), () => void actions.openPortal(`portal:${sub.id}`), { primary: !invoice }));
    }
    if (!ENDED.has(sub.status)) {
      const canceling = sub.cancel_at_period_end || sub.cancel_at !== null;
      const other = alternatePrice(sub, state);
      if (other && !canceling && !PAYMENT_NEEDED.has(sub.status)) {
        const label = other.interval === 'year' ? msg('Switch to yearly billing') : msg('Switch to monthly billing');
        buttons.push(this.actionButton(`change:${sub.id}`, label, () => this.confirm('change-dialog', { sub, price: other })));
      }
      buttons.push(
        canceling
          ? this.actionButton(`resume:${sub.id}`, msg('Resume subscription', { desc: 'Shown on a subscription that is still active but set to cancel at the period end: undoes the cancellation so it renews again.' }), () => this.resume(sub), { primary: true })
          : this.actionButton(`cancel:${sub.id}`, msg('Cancel subscription'), () => this.confirm('cancel-dialog', { sub }), { quiet: true }),
      );
    }
    const keys = ['portal', 'invoice', 'change', 'cancel', 'resume'].map((kind) => `${kind}:${sub.id}`);
    const failures: Record<string, string> = {
      portal: msg('Could not open the payment settings.', { desc: 'An action failed: the Stripe page to update the payment method did not open.' }),
      invoice: msg('Could not open the invoice.', { desc: 'An action failed: the Stripe page of the open invoice did not open.' }),
      change: msg('Could not change the billing interval.', { desc: 'An action failed: switching between monthly and yearly billing.' }),
      cancel: msg('Could not cancel the subscription.', { desc: 'An action failed: cancelling the subscription.' }),
      resume: msg('Could not undo the cancellation.', { desc: 'An action failed: keeping a subscription that was set to cancel at the period end.' }),
    };
    return html`<div class="row actions" role="group" aria-label=${msg(str`Actions for ${name}`)}>${buttons}</div>
      ${this.renderActionFailure(keys, (key) => failures[key.split(':')[0]!]!)}`;
  }

  private confirm(dialog: string, target: { sub: Subscription; price?: Price }) {
    this.target = target;
    void this.updateComplete.then(() => this.openDialog(dialog));
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
    void this.settle(key, this.billing.connection!.actions.resume(sub), () => {
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

  private cancel(sub: Subscription, body: { timing: 'immediately' | 'period_end'; reason?: string }) {
    const key = `cancel:${sub.id}`;
    void this.settle(key, this.billing.connection!.actions.cancel(sub, body as Parameters<ActionRunner['cancel']>[1]), () => {
      const now = this.current(sub.id);
      const end = now && !ENDED.has(now.status) ? (now.cancel_at ?? now.current_period_end) : null;
      return end
        ? { message: msg(str`Your ${this.nameOf(now)} subscription ends on ${formatDate(end, this.billing.locale)}.`), focus: `[data-action="resume:${sub.id}"]` }
        : { message: msg(str`Your ${this.nameOf(now ?? sub)} subscription has ended.`), focus: `[data-subscription-id="${sub.id}"]` };
    });
  }

  private change(sub: Subscription, price: Price) {
    const key = `change:${sub.id}`;
    void this.settle(key, this.billing.connection!.actions.change(sub, { interval: price.interval as 'month' | 'year' }), () => {
      const now = this.current(sub.id);
      return {
        message: msg(str`Your ${this.nameOf(now)} subscription is now ${formatPrice(now?.price ?? price, this.billing.locale)}.`, {
          desc: 'Announced after a plan or interval change, with the new price ("$290.00 per year").',
        }),
        focus: `[data-subscription-id="${sub.id}"]`,
      };
    });
  }

  private renderSubscription(sub: Subscription, state: BillingState, index: number, level: number) {
    const { locale } = state;
    const name = sub.plan?.name || msg('Subscription');
    const cancelsOn = !ENDED.has(sub.status) && (sub.cancel_at_period_end || sub.cancel_at) ? (sub.cancel_at ?? sub.current_period_end) : null;
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
      ${sub.price ? html`<p class="price">${formatPrice(sub.price, locale)}</p>` : nothing}
      ${cancelsOn ? html`<p class="cancels">${msg(str`Cancels on ${formatDate(cancelsOn, locale)}`)}</p>` : nothing}
      ${this.renderDates(sub, locale)}
      ${this.renderActions(sub, state)}
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
      ${state.moreError ? this.renderError('subscriptions', state.moreError, msg('Could not load more subscriptions.')) : nothing}
      ${data.hasMore
        ? html`<button
            type="button"
            class="more"
            part="button"
            aria-busy=${state.loadingMore ? 'true' : 'false'}
            ?disabled=${state.loadingMore}
            @click=${() => void state.connection!.loadMore()}
          >
            ${msg('Show more subscriptions')}
          </button>`
        : nothing}`;
  }

  private renderDialogs(state: BillingState) {
    const target = this.target;
    const sub = target?.sub;
    const name = sub?.plan?.name || msg('Subscription');
    const { locale } = state;
    const end = sub ? (sub.cancel_at ?? sub.current_period_end) : null;
    const newPrice = target?.price;
    return html`${this.renderDialog({
        id: 'change-dialog',
        title: newPrice?.interval === 'year' ? msg('Switch to yearly billing?') : msg('Switch to monthly billing?'),
        body: html`<p>
            ${newPrice && sub?.price
              ? msg(str`${name} will cost ${formatPrice(newPrice, locale)} instead of ${formatPrice(sub.price, locale)}.`)
              : nothing}
          </p>
          <p class="muted">${prorationNote()}</p>`,
        confirm: msg('Confirm switch'),
        dismiss: msg('Cancel', { desc: 'Closes the switch dialog without changing anything (not "cancel the subscription").' }),
        onConfirm: () => {
          if (sub && newPrice) this.change(sub, newPrice);
        },
      })}
      ${this.renderDialog({
        id: 'cancel-dialog',
        title: msg(str`Cancel your ${name} subscription?`),
        body: html`<fieldset>
            <legend>${msg('When should it end?')}</legend>
            <label class="choice">
              <input type="radio" name="timing" value="period_end" checked />
              <span>${msg('At the end of the billing period')}</span>
              <span class="hint"
                >${end
                  ? msg(str`You keep access until ${formatDate(end, locale)}. Nothing more is charged.`)
                  : msg('You keep access until the period ends. Nothing more is charged.')}</span
              >
            </label>
            <label class="choice">
              <input type="radio" name="timing" value="immediately" />
              <span>${msg('Immediately')}</span>
              <span class="hint">${msg('Access ends now. Nothing more is charged, and the unused time is not refunded automatically.')}</span>
            </label>
          </fieldset>
          <label class="field">
            <span>${msg('Reason (optional)')}</span>
            <select name="reason">
              <option value="">${msg('Prefer not to say')}</option>
              ${CANCEL_REASONS.map((reason) => html`<option value=${reason}>${reasonLabel(reason)}</option>`)}
            </select>
          </label>`,
        confirm: msg('Confirm cancellation'),
        dismiss: msg('Keep subscription'),
        danger: true,
        onConfirm: (form) => {
          if (!sub) return;
          const data = new FormData(form);
          const timing = data.get('timing') === 'immediately' ? 'immediately' : 'period_end';
          const reason = String(data.get('reason') ?? '');
          this.cancel(sub, reason ? { timing, reason } : { timing });
          form.reset();
        },
      })}`;
  }

  override render() {
    return this.renderSection(
      'subscriptions-heading',
      msg('Subscriptions'),
      (state) => html`${this.renderResource('subscriptions', state.subscriptions, msg('Could not load subscriptions.'), (data) => this.renderList(data), {
        cards: 1,
        lines: 3,
        pairs: 1,
        actions: state.readOnly ? 0 : 2,
      })}
      ${this.renderLive()}
      ${state.readOnly ? nothing : this.renderDialogs(state)}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscriptions': BillingSubscriptions;
  }
}
