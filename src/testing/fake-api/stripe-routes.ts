/**
 * The fake Stripe-hosted pages of a scenario, at `{base}/fake-stripe/…`: Checkout (paying
 * completes the session and returns to success_url), the Customer Portal, hosted invoices
 * (paying settles the open invoices) and their PDFs.
 */
import { planAndPrice } from './data-sets/index.js';
import { html, seeOther } from './responses.js';
import type { Scenario } from './scenario.js';
import { checkoutPage, formatAmount, invoicePage, invoicePdf, notFoundPage, portalPage } from './stripe-pages.js';
import type { FakeRequest, FakeResponse } from './types.js';

export function stripePage(scenario: Scenario, request: FakeRequest, path: string, base: string): FakeResponse {
  const match = /^\/fake-stripe\/(checkout|portal|invoice)\/([^/]+)(\/pay|\/pdf)?$/.exec(path);
  if (!match) return html(404, notFoundPage('Not found'));
  const [, kind, id, suffix] = match as unknown as [string, string, string, string | undefined];
  const post = request.method === 'POST';
  if (kind === 'checkout') {
    const session = scenario.sessions.get(id);
    if (!session || suffix === '/pdf') return html(404, notFoundPage('This checkout session does not exist'));
    if (suffix === '/pay' && post) {
      scenario.completeCheckout(id);
      return seeOther(session.success_url.split('{CHECKOUT_SESSION_ID}').join(encodeURIComponent(id)));
    }
    const found = planAndPrice(scenario.merchants, session.price_id)!;
    return html(200, checkoutPage({ session, merchant: found.merchant.name, plan: found.plan.name, price: found.price, action: `${base}/fake-stripe/checkout/${id}/pay` }));
  }
  if (kind === 'portal') {
    const returnUrl = scenario.portals.get(id);
    if (!returnUrl || suffix) return html(404, notFoundPage('This portal session does not exist'));
    return html(200, portalPage({ customer: scenario.customer, subscriptions: scenario.subscriptions(), returnUrl }));
  }
  const invoice = scenario.invoices.find((i) => i.id === id);
  const amount = invoice ? formatAmount(invoice.amount_due, invoice.currency) : undefined;
  if (suffix === '/pdf') {
    if (!invoice) return html(404, notFoundPage('This invoice does not exist'));
    const text = `Invoice ${invoice.number ?? invoice.id}: ${invoice.status}, ${invoice.currency.toUpperCase()} ${invoice.total} (minor units)`;
    return { status: 200, headers: { 'content-type': 'application/pdf' }, body: invoicePdf(text) };
  }
  if (suffix === '/pay' && post) {
    scenario.payInvoices();
    return html(200, invoicePage({ paid: true, action: '' }));
  }
  return html(200, invoicePage({ paid: invoice?.status === 'paid', action: `${base}/fake-stripe/invoice/${id}/pay`, ...(amount ? { amount } : {}) }));
}
