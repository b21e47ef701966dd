import { expect } from '@open-wc/testing';
import {
  featureListSchema,
  identitySchema,
  merchantListSchema,
  mutationResultSchema,
  parseWith,
  subscriptionListSchema,
} from '../../src/api/schemas.js';

const sub = { id: 'sub_1', status: 'active' };

function ok<T>(result: { ok: true; value: T } | { ok: false; details: string }): T {
  if (!result.ok) throw new Error(`expected valid: ${result.details}`);
  return result.value;
}

describe('schemas', () => {
  it('accepts {items}, Stripe {data} and a bare array', () => {
    expect(ok(parseWith(subscriptionListSchema, { items: [sub], has_more: true }))).to.include({ has_more: true });
    const data = ok(parseWith(subscriptionListSchema, { object: 'list', data: [sub], has_more: true }));
    expect(data.items[0]!.id).to.equal('sub_1');
    expect(data.has_more).to.equal(true);
    const bare = ok(parseWith(subscriptionListSchema, [sub, sub]));
    expect(bare.items).to.have.length(2);
    expect(bare.has_more).to.equal(false);
    expect(ok(parseWith(featureListSchema, [{ key: 'seats', enabled: true }])).items[0]!.limit).to.equal(null);
    expect(ok(parseWith(merchantListSchema, { data: [] })).items).to.deep.equal([]);
  });

  it('turns ISO 8601 strings and epoch seconds into Dates', () => {
    const [a, b] = ok(
      parseWith(subscriptionListSchema, [
        { ...sub, current_period_end: '2026-03-01T12:00:00Z', created: 1767225600 },
        { ...sub, current_period_end: 1772366400, trial_end: '2026-03-01T12:00:00+09:00' },
      ]),
    ).items;
    expect(a!.current_period_end!.toISOString()).to.equal('2026-03-01T12:00:00.000Z');
    expect(a!.created!.toISOString()).to.equal('2026-01-01T00:00:00.000Z');
    expect(b!.current_period_end!.toISOString()).to.equal('2026-03-01T12:00:00.000Z');
    expect(b!.trial_end!.toISOString()).to.equal('2026-03-01T03:00:00.000Z');
    expect(parseWith(subscriptionListSchema, [{ ...sub, current_period_end: 'next tuesday' }]).ok).to.equal(false);
  });

  it('keeps unknown statuses and intervals, drops unknown properties', () => {
    const [value] = ok(
      parseWith(subscriptionListSchema, [
        {
          ...sub,
          status: 'on_hold',
          surprise: { deep: true },
          price: { id: 'p', currency: 'USD', interval: 'fortnight', unit_amount: 100, extra: 1 },
        },
      ]),
    ).items;
    expect(value!.status).to.equal('on_hold');
    expect(value!.price!.interval).to.equal('fortnight');
    expect(value!.price!.currency).to.equal('usd');
    expect(value!.price!.interval_count).to.equal(1);
    expect(value).to.not.have.property('surprise');
    expect(value!.price).to.not.have.property('extra');
  });

  it('turns absent and null nullable fields into null, and fills defaults', () => {
    const [value] = ok(parseWith(subscriptionListSchema, [{ ...sub, plan: null, price: null, latest_invoice_url: null }])).items;
    expect(value).to.include({ plan: null, price: null, merchant_id: null, cancel_at_period_end: false, quantity: 1, trial_end: null });
    const identity = ok(parseWith(identitySchema, { account_id: 'acct_1', customer_id: null }));
    expect(identity).to.include({ customer_id: null, email: null, provider: 'stripe', default_payment_method: null });
  });

  it('rejects what the contract requires and is missing or mistyped', () => {
    expect(parseWith(subscriptionListSchema, [{ status: 'active' }]).ok).to.equal(false);
    expect(parseWith(subscriptionListSchema, { results: [] }).ok).to.equal(false);
    expect(parseWith(featureListSchema, [{ key: 'x', enabled: 'yes' }]).ok).to.equal(false);
    expect(parseWith(merchantListSchema, { items: [{ id: 'm', name: 'M' }] }).ok).to.equal(false);
    const result = parseWith(subscriptionListSchema, { items: [{ id: 7, status: 'active' }] });
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.details).to.contain('items.0.id');
  });

  it('accepts a mutation result, a bare subscription, or nothing', () => {
    expect(ok(parseWith(mutationResultSchema, { subscription: sub, hosted_invoice_url: 'https://invoice.stripe.com/i/x' })).hosted_invoice_url).to.contain('invoice');
    expect(ok(parseWith(mutationResultSchema, sub)).subscription!.id).to.equal('sub_1');
    expect(ok(parseWith(mutationResultSchema, {}))).to.deep.equal({ subscription: null, hosted_invoice_url: null });
  });
});
