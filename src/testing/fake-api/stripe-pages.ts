/**
 * Fake Stripe-hosted pages (Checkout, Customer Portal, hosted invoice), served by the fake
 * billing service so that a subscribe → pay → back round trip runs with no network.
 * Plain HTML forms, no script: they work under any CSP. Every value is escaped: the `page`
 * template escapes what it interpolates, unless it is markup made by `page` itself.
 */
import type { WireCustomer, WirePrice, WireSubscription } from './data-sets/index.js';

/** Markup that is already safe (made by the `markup` tag from escaped values). */
class Markup {
  constructor(readonly html: string) {}
}

const escape = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** HTML from a template: interpolated values are escaped, arrays joined, `Markup` kept as is. */
function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  const text = (value: unknown): string =>
    value instanceof Markup ? value.html : Array.isArray(value) ? value.map(text).join('') : value === null || value === undefined || value === false ? '' : escape(value);
  return new Markup(strings.reduce((out, string, i) => out + string + (i < values.length ? text(values[i]) : ''), ''));
}

/** Stripe's minor units (contract 1.1): zero-decimal and three-decimal currencies, two for every other. */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function formatAmount(amount: number, currency: string): string {
  const code = currency.toLowerCase();
  const digits = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency: code.toUpperCase() }).format(amount / 10 ** digits);
}

function money(price: WirePrice | null, quantity = 1): string {
  if (!price || price.unit_amount === null) return 'Custom price';
  const every = price.interval_count > 1 ? `every ${price.interval_count} ${price.interval}s` : `per ${price.interval}`;
  return `${formatAmount(price.unit_amount * quantity, price.currency)} ${every}${quantity > 1 ? ` (${quantity} × ${formatAmount(price.unit_amount, price.currency)})` : ''}`;
}

function page(title: string, body: Markup, lang = 'en'): string {
  return markup`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
.banner{background:#ffde92;padding:.5rem 1rem;border-radius:6px;font-size:14px}
button,.link{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.link.secondary{background:none;color:#635bff;padding-left:0}</style></head>
<body><p class="banner">Test mode — a fake Stripe page served by the billing-panel fake service.</p>${body}</body></html>`.html;
}

export function notFoundPage(what: string): string {
  return page('Not found', markup`<h1>${what}</h1>`);
}

export function checkoutPage(input: {
  session: { id: string; cancel_url: string; quantity: number; locale?: string | null };
  merchant: string;
  plan: string;
  price: WirePrice;
  action: string;
}): string {
  const trial = input.price.trial_period_days ? ` after a ${input.price.trial_period_days}-day free trial` : '';
  return page(
    `Checkout — ${input.merchant}`,
    markup`<h1>Subscribe to ${input.plan}</h1>
<p>${input.merchant}</p>
<p><strong>${money(input.price, input.session.quantity)}</strong>${trial}</p>
<p>Card: 4242 4242 4242 4242 (test)</p>
<form method="post" action="${input.action}"><button type="submit">Pay and subscribe</button></form>
<p><a class="link secondary" href="${input.session.cancel_url}">← Back</a></p>`,
    input.session.locale || 'en',
  );
}

export function portalPage(input: { customer: WireCustomer | null; subscriptions: WireSubscription[]; returnUrl: string }): string {
  const rows = input.subscriptions.map((s) => markup`<li>${s.plan?.name ?? s.id} — ${s.status} — ${money(s.price, s.quantity)}</li>`);
  const card = input.customer?.default_payment_method;
  return page(
    'Billing portal',
    markup`<h1>Billing portal</h1>
<p>${input.customer?.name ?? ''} ${input.customer?.email ?? ''}</p>
<h2>Subscriptions</h2><ul>${rows.length ? rows : markup`<li>None</li>`}</ul>
<h2>Payment method</h2><p>${card ? `${card.brand} •••• ${card.last4}` : 'None'}</p>
<p><a class="link" href="${input.returnUrl}">Return to the site</a></p>`,
  );
}

export function invoicePage(input: { paid: boolean; action: string; amount?: string }): string {
  return page(
    'Invoice',
    input.paid
      ? markup`<h1>Invoice paid</h1><p>Thank you. You can go back to the site.</p>`
      : markup`<h1>Invoice</h1><p>${input.amount ? `${input.amount} is due` : 'An amount is due'} on your subscription.</p><form method="post" action="${input.action}"><button type="submit">Pay invoice</button></form>`,
  );
}

/** A one-page PDF that says what the invoice is (the hosted invoice's `invoice_pdf`). */
export function invoicePdf(text: string): string {
  const line = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, (c) => `\\${c}`);
  const stream = `BT /F1 14 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
