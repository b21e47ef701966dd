import { nothing } from 'lit';
import { msg } from '@lit/localize';
import type { Invoice } from '../api/schemas.js';
import type { BillingError } from '../api/errors.js';
import { billingErrorEvent } from '../events/billing-error-event.js';
import { kit } from '../flows/kit.js';
import type { InvoiceHost } from '../flows/invoices.js';
import { needOnDemand, onDemand } from '../flows/load.js';
import type { BillingState, PageData, ResourceName } from '../session/state.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement, type Skeleton } from './billing-element.js';

const SKELETON: Skeleton = { rows: 3, lines: 1, pairs: 1 };
const LOADING = { status: 'loading', value: undefined, error: undefined, refreshing: false } as const;

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
  static override styles = sharedStyles;
  protected readonly resources: readonly ResourceName[] = ['invoices'];
  /** Why the rows' chunk could not load, until Try again. */
  private rowsError: BillingError | undefined;
  /** The rows' chunk while it loads. */
  private rowsLoading: Promise<unknown> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The rows load on demand, with the other on-demand flows, while the invoices are on their way.
    if (!onDemand() && !this.rowsError) this.loadRows();
  }

  private loadRows(): void {
    this.rowsLoading ??= needOnDemand('the invoice rows').then(
      () => {
        this.rowsLoading = undefined;
        this.requestUpdate();
      },
      (error: BillingError) => {
        this.rowsLoading = undefined;
        this.rowsError = error;
        this.requestUpdate();
        this.dispatchEvent(billingErrorEvent('listInvoices', error));
      },
    );
  }

  /** Complete once the rows' chunk is in too (`billing-loaded` waits for the rows). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.rowsLoading;
    return super.getUpdateComplete();
  }

  /** What the rows use of this element, made once (it needs the shadow root). */
  #rowsHost: InvoiceHost | undefined;
  private get rowsHost(): InvoiceHost {
    return (this.#rowsHost ??= {
      kit,
      root: this.renderRoot as ShadowRoot,
      actionButton: (key, label, onClick, extra) => this.actionButton(key, label, onClick, extra),
      renderActionFailure: (keys, failure) => this.renderActionFailure(keys, failure),
      renderMore: (hasMore, label, failure) => this.renderMore('invoices', hasMore, label, failure),
    });
  }

  private renderList(data: PageData<Invoice>, state: BillingState, failed: string) {
    const chunk = onDemand();
    if (chunk) return chunk.invoiceRows(this.rowsHost, data, state);
    if (this.rowsError) {
      return this.renderError('invoices', this.rowsError, failed, () => {
        this.rowsError = undefined;
        this.loadRows();
      });
    }
    return this.renderResource('invoices', LOADING, failed, () => nothing, SKELETON);
  }

  override render() {
    // A service without invoices (404/405): no section at all.
    if (this.billing.invoices.value === null) return nothing;
    const failed = msg('Could not load invoices.');
    return this.renderSection('invoices-heading', msg('Invoices'), (state) =>
      this.renderResource('invoices', state.invoices, failed, (data) => this.renderList(data!, state, failed), SKELETON),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-invoices': BillingInvoices;
  }
}
