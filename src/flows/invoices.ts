/**
 * The rows of `<billing-invoices>`, in the on-demand chunk (see `kit.ts` for why this
 * module imports no run-time value): date and number, amount, status, "Pay" for an open
 * invoice, links to Stripe's hosted page and PDF, and "Show more". The element shows its
 * heading and skeleton until this has loaded.
 */
import type { Invoice } from '../api/schemas.js';
import type { BillingState, PageData } from '../session/state.js';
import type { Kit } from './kit.js';
import { invoiceStyles } from './invoices.styles.js';
import { link } from './steps.js';

/** What the rows use of the element that shows them. */
export interface InvoiceHost {
  readonly kit: Kit;
  readonly root: ShadowRoot;
  actionButton(key: string, label: string, onClick: () => void, extra: { primary: boolean; name: string }): unknown;
  renderActionFailure(keys: readonly string[], failed: () => string): unknown;
  renderMore(hasMore: boolean, label: string, failed: string): unknown;
}

type Tone = 'success' | 'warning' | 'danger' | 'neutral';

/** The id of the description of the links, which open Stripe's pages in a new tab. */
const NEW_TAB = 'invoice-link-new-tab';

/** Stripe's invoice statuses in words; any other inside the same frame as an unknown subscription status. */
function invoiceStatus({ msg, statusLabel }: Kit, status: string): [string, Tone] {
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

function invoiceRow(host: InvoiceHost, invoice: Invoice, state: BillingState) {
  const { html, nothing, msg, str, formatDate, formatMoney } = host.kit;
  const { locale, connection } = state;
  const actions = connection!.actions;
  const number = invoice.number ?? invoice.id;
  const open = invoice.status === 'open';
  // What an open invoice still asks for (after credit and partial payments), as its Stripe page does; else what it came to.
  const amount = formatMoney(open ? invoice.amount_due : invoice.total, invoice.currency, locale);
  const [label, tone] = invoiceStatus(host.kit, invoice.status);
  const key = `invoice:${invoice.id}`;
  const view = link(actions, invoice.hosted_invoice_url);
  const pdf = link(actions, invoice.invoice_pdf, true);
  const pay = open && view && state.allowed.has('invoice');
  return html`<li class="invoice" part="invoice">
    <span>${invoice.created ? formatDate(invoice.created, locale) : nothing}<small class="muted">${number}</small></span>
    <span class="amount">${amount}</span>
    <span class="badge tone-${tone}" part="status-badge">${label}</span>
    <span class="row links">
      ${pay ? host.actionButton(key, msg('Pay'), () => void actions.payInvoice(invoice), { primary: true, name: msg(str`Pay invoice ${number}, ${amount}`) }) : nothing}
      ${view ? html`<a part="link" href=${view} target="_blank" rel="noreferrer" aria-label=${msg(str`View invoice ${number}`)} aria-describedby=${NEW_TAB}>${msg('View')}</a>` : nothing}
      ${pdf ? html`<a part="link" href=${pdf} target="_blank" rel="noreferrer" aria-label=${msg(str`Download PDF of invoice ${number}`)} aria-describedby=${NEW_TAB}>PDF</a>` : nothing}
    </span>
    ${pay ? host.renderActionFailure([key], () => msg('Could not open the invoice.', { desc: 'An action failed: the Stripe page of the open invoice did not open.' })) : nothing}
  </li>`;
}

/** The invoices of one page of the list (`data`), or that there are none yet. */
export function invoiceRows(host: InvoiceHost, data: PageData<Invoice>, state: BillingState): unknown {
  const { html, msg } = host.kit;
  invoiceStyles(host.root);
  if (!data.items.length) return html`<p class="muted empty">${msg('No invoices yet.')}</p>`;
  return html`<span id=${NEW_TAB} hidden>${msg('Opens in a new tab.', { desc: 'Description of the View and PDF links of an invoice.' })}</span>
    <ul class="plain">${data.items.map((invoice) => invoiceRow(host, invoice, state))}</ul>
    ${host.renderMore(data.hasMore, msg('Show more invoices'), msg('Could not load more invoices.'))}`;
}
