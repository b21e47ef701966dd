/**
 * Fake Stripe-hosted pages (Checkout, Customer Portal, hosted invoice), served by the fake
 * billing service so that a subscribe → pay → back round trip runs with no network.
 * Plain HTML forms, no script: they work under any CSP.
 */
import type { WireCustomer, WirePrice, WireSubscription } from './data-sets.js';

const escape = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function money(price: WirePrice | null): string {
  if (!price || price.unit_amount === null) return 'Custom price';
  const currency = price.currency.toUpperCase();
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency }).format(price.unit_amount / 10 ** digits);
  const every = price.interval_count > 1 ? `every ${price.interval_count} ${price.interval}s` : `per ${price.interval}`;
  return `${amount} ${every}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><link rel="icon" href="data:,">
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
.banner{background:#ffde92;padding:.5rem 1rem;border-radius:6px;font-size:14px}
button,.link{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.link.secondary{background:none;color:#635bff;padding-left:0}</style></head>
<body><p class="banner">Test mode — a fake Stripe page served by the billing-panel fake service.</p>${body}</body></html>`;
}

export function checkoutPage(input: {
  session: { id: string; cancel_url: string };
  merchant: string;
  plan: string;
  price: WirePrice;
  action: string;
}): string {
  return page(
    `Checkout — ${input.merchant}`,
    `<h1>Subscribe to ${escape(input.plan)}</h1>
<p>${escape(input.merchant)}</p>
<p><strong>${escape(money(input.price))}</strong>${input.price.trial_period_days ? ` after a ${input.price.trial_period_days}-day free trial` : ''}</p>
<p>Card: 4242 4242 4242 4242 (test)</p>
<form method="post" action="${escape(input.action)}"><button type="submit">Pay and subscribe</button></form>
<p><a class="link secondary" href="${escape(input.session.cancel_url)}">← Back</a></p>`,
  );
}

export function portalPage(input: { customer: WireCustomer | null; subscriptions: WireSubscription[]; returnUrl: string }): string {
  const rows = input.subscriptions
    .map((s) => `<li>${escape(s.plan?.name ?? s.id)} — ${escape(s.status)} — ${escape(money(s.price))}</li>`)
    .join('');
  return page(
    'Billing portal',
    `<h1>Billing portal</h1>
<p>${escape(input.customer?.name ?? '')} ${escape(input.customer?.email ?? '')}</p>
<h2>Subscriptions</h2><ul>${rows || '<li>None</li>'}</ul>
<h2>Payment method</h2><p>${input.customer?.default_payment_method ? `${escape(input.customer.default_payment_method.brand)} •••• ${escape(input.customer.default_payment_method.last4)}` : 'None'}</p>
<p><a class="link" href="${escape(input.returnUrl)}">Return to the site</a></p>`,
  );
}

export function invoicePage(input: { paid: boolean; action: string }): string {
  return page(
    'Invoice',
    input.paid
      ? '<h1>Invoice paid</h1><p>Thank you. You can go back to the site.</p>'
      : `<h1>Invoice</h1><p>An amount is due on your subscription.</p><form method="post" action="${escape(input.action)}"><button type="submit">Pay invoice</button></form>`,
  );
}
