import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * @summary Shows and manages the Stripe subscriptions of an account, for its owner.
 * @tag billing-panel
 */
export class BillingPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** Absolute http(s) URL of the billing service. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  override render() {
    return html`<div part="base">${this.baseUrl ? '' : 'Billing is not configured.'}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-panel': BillingPanel;
  }
}
