import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Invoice } from '../api/schemas.js';
import { formatDate, formatMoney } from '../i18n/format.js';
import type { BillingState, PageData, ResourceName } from '../session/state.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { invoicesStyles } from './billing-invoices.styles.js';
import { statusLabel, type Tone } from './messages.js';

/** Stripe's invoice statuses in words; any other inside the same frame as an unknown subscription status. */
function invoiceStatus(status: string): [string, Tone] {
  switch (status) {
    case 'paid':
      return [msg('Paid', { desc: 'Invoice status: paid.' }), 'success'];
    case 'open':
      return [msg('Open', { desc: 'Invoice status: finalized and waiting to be paid.' }), 'warning'];
    case 'uncollectible':
      return [msg('Uncollectible', { desc: 'Invoice status: the merchant does not expect it to be paid any more.' }), 'danger'];
    case 'void':
      return [msg('Void', { desc: 'Invoice status: cancelled by the merchant, nothing is owed.' }), 'neutral'];
    case 'draft':
      return [msg('Draft', { desc: 'Invoice status: not finalized yet.' }), 'neutral'];
    default:
      return [statusLabel(status), 'neutral'];
  }
}

/**
 * @summary The account's invoices, newest first: date, number, amount, status, "Pay" for an
 * open invoice and links to Stripe's hosted invoice page and its PDF, "Show more" for
 * further pages. Renders nothing when the billing service does not offer invoices
 * (`listInvoices` answers 404 or 405).
 * @tag billing-invoices
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart invoice - One invoice row.
 * @csspart status-badge - The status badge of an invoice.
 * @csspart link - The "View" and "PDF" links.
 * @csspart button - Every button.
 * @csspart action - The "Pay" buttons.
 * @csspart action-error - The message of a failed "Pay".
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @fires {BillingErrorEvent} billing-error - When used on its own: a request failed (never for a service without invoices).
 * @fires {BillingLoadedEvent} billing-loaded - When used on its own: its invoices arrived, or the service said it has none to offer.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - When used on its own: the session expired.
 * @fires {BillingActionEvent} billing-action - When used on its own: the owner asked to pay an invoice (`action: 'invoice'`); cancelable (then nothing opens).
 * @fires {BillingRedirectEvent} billing-redirect - When used on its own: about to open Stripe's page of an open invoice (cancelable).
 */
export class BillingInvoices extends BillingElement {
  static override styles = [sharedStyles, invoicesStyles];
  protected readonly resources: readonly ResourceName[] = ['invoices'];

  private renderInvoice(invoice: Invoice, state: BillingState) {
    const { locale, connection } = state;
    const actions = connection!.actions;
    const number = invoice.number ?? invoice.id;
    const open = invoice.status === 'open';
    // What an open invoice still asks for (after credit and partial payments), as its Stripe page does; else what it came to.
    const amount = formatMoney(open ? invoice.amount_due : invoice.total, invoice.currency, locale);
    const [label, tone] = invoiceStatus(invoice.status);
    const key = `invoice:${invoice.id}`;
    const view = actions.link(invoice.hosted_invoice_url);
    const pdf = actions.link(invoice.invoice_pdf, true);
    const pay = open && view && state.allowed.has('invoice');
    return html`<li class="invoice" part="invoice">
      <span>${invoice.created ? formatDate(invoice.created, locale) : nothing}<small class="muted">${number}</small></span>
      <span class="amount">${amount}</span>
      <span class="badge tone-${tone}" part="status-badge">${label}</span>
      <span class="row links">
        ${pay ? this.actionButton(key, msg('Pay'), () => void actions.payInvoice(invoice), { primary: true, name: msg(str`Pay invoice ${number}, ${amount}`) }) : nothing}
        ${view ? html`<a part="link" href=${view} target="_blank" rel="noreferrer" aria-label=${msg(str`View invoice ${number}`)}>${msg('View')}</a>` : nothing}
        ${pdf ? html`<a part="link" href=${pdf} target="_blank" rel="noreferrer" aria-label=${msg(str`Download PDF of invoice ${number}`)}>PDF</a>` : nothing}
      </span>
      ${pay
        ? this.renderActionFailure([key], () => msg('Could not open the invoice.', { desc: 'An action failed: the Stripe page of the open invoice did not open.' }))
        : nothing}
    </li>`;
  }

  private renderList(data: PageData<Invoice>, state: BillingState) {
    if (!data.items.length) return html`<p class="muted empty">${msg('No invoices yet.')}</p>`;
    return html`<ul class="plain">${data.items.map((invoice) => this.renderInvoice(invoice, state))}</ul>
      ${this.renderMore('invoices', data.hasMore, msg('Show more invoices'), msg('Could not load more invoices.'))}`;
  }

  override render() {
    // A service without invoices (404/405): no section at all.
    if (this.billing.invoices.value === null) return nothing;
    return this.renderSection('invoices-heading', msg('Invoices'), (state) =>
      this.renderResource('invoices', state.invoices, msg('Could not load invoices.'), (data) => this.renderList(data!, state), { rows: 3, lines: 1, pairs: 1 }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-invoices': BillingInvoices;
  }
}
