/**
 * The invoices Stripe would have for the subscriptions of a data set (listInvoices, an
 * optional operation of contract 1.1): the latest one says how the subscription stands
 * (open when payment is needed, uncollectible when unpaid, void when canceled, a status the
 * client does not know when paused), the older ones are paid.
 */
import { DAY, timeOf, type WireInvoice, type WireSubscription } from './wire.js';

const LATEST_STATUS: Record<string, string> = {
  past_due: 'open',
  incomplete: 'open',
  unpaid: 'uncollectible',
  canceled: 'void',
  incomplete_expired: 'void',
  // Not one of Stripe's statuses: clients show unknown values as they are.
  paused: 'in_review',
};

function periodDays(sub: WireSubscription): number {
  const { interval, interval_count: count } = sub.price ?? { interval: 'month', interval_count: 1 };
  return (interval === 'year' ? 365 : interval === 'week' ? 7 : interval === 'day' ? 1 : 30) * count;
}

/** One invoice of `sub` for the period that starts at `start`. */
export function invoiceOf(sub: WireSubscription, id: string, status: string, start: number, number: string | null): WireInvoice {
  const amount = (sub.price?.unit_amount ?? 0) * sub.quantity;
  return {
    id,
    number,
    status,
    currency: sub.price?.currency ?? 'usd',
    amount_due: amount,
    amount_paid: status === 'paid' ? amount : 0,
    total: amount,
    created: new Date(start).toISOString(),
    period_start: new Date(start).toISOString(),
    period_end: new Date(start + periodDays(sub) * DAY).toISOString(),
    subscription_id: sub.id,
  };
}

/** Three invoices per subscription (one while trialing, at no charge), newest first. */
export function invoicesOf(subscriptions: WireSubscription[]): WireInvoice[] {
  const invoices: WireInvoice[] = [];
  subscriptions.forEach((sub, index) => {
    const prefix = `F${(index + 0x1a2b).toString(16).toUpperCase()}`;
    const start = timeOf(sub.current_period_start ?? sub.created);
    const trial = sub.status === 'trialing';
    const count = trial ? 1 : 3;
    for (let k = 0; k < count; k++) {
      const latest = k === 0;
      const status = latest ? (LATEST_STATUS[sub.status] ?? 'paid') : 'paid';
      // The past-due data set's latest_invoice_url names its open invoice.
      const named = latest && sub.latest_invoice_url ? sub.latest_invoice_url.split('/').pop() : undefined;
      const id = named ?? `in_${sub.id.replace(/^sub_/, '')}_${count - k}`;
      const invoice = invoiceOf(sub, id, status, start - k * periodDays(sub) * DAY, `${prefix}-${String(count - k).padStart(4, '0')}`);
      if (trial) Object.assign(invoice, { amount_due: 0, amount_paid: 0, total: 0 });
      invoices.push(invoice);
    }
  });
  return invoices.sort((a, b) => timeOf(b.created) - timeOf(a.created));
}
