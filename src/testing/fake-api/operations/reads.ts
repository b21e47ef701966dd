/** The GET operations: subscriptions (paginated), features, identity, merchants, invoices. */
import { error, json } from '../responses.js';
import { listAnswer, pageOf, stripeUrl, type Operation } from './context.js';

export const listSubscriptions: Operation = ({ scenario, url }) => {
  const page = pageOf(url);
  if ('status' in page) return page;
  // A subscription made by checkout becomes active after a few reads (activationReads).
  for (const [id, left] of scenario.pendingActivation) {
    if (left <= 1) {
      scenario.pendingActivation.delete(id);
      scenario.update(id, (s) => {
        s.status = 'active';
      });
    } else scenario.pendingActivation.set(id, left - 1);
  }
  const all = scenario.subscriptions();
  return listAnswer(scenario, all.slice(page.offset, page.offset + page.limit), page.offset + page.limit < all.length);
};

export const listFeatures: Operation = ({ scenario }) => listAnswer(scenario, scenario.featureList());

export const getIdentity: Operation = ({ scenario }) => {
  if (scenario.customer) return json(200, { account_id: scenario.accountId, provider: 'stripe', ...scenario.customer });
  return scenario.options.identityStyle === 'null'
    ? json(200, { account_id: scenario.accountId, provider: 'stripe', customer_id: null, email: null, name: null, default_payment_method: null })
    : error(404, 'customer_not_found', 'This account has no billing customer yet.');
};

export const listMerchants: Operation = ({ scenario }) => json(200, { items: scenario.merchants });

/** Optional (contract 1.1): Stripe's invoices, newest first, with their hosted page and PDF. */
export const listInvoices: Operation = (context) => {
  const { scenario, url } = context;
  const page = pageOf(url);
  if ('status' in page) return page;
  const all = scenario.invoices;
  const items = all.slice(page.offset, page.offset + page.limit).map((invoice) => ({
    ...invoice,
    hosted_invoice_url: invoice.status === 'draft' ? null : stripeUrl(context, 'invoice', invoice.id),
    invoice_pdf: invoice.status === 'draft' ? null : stripeUrl(context, 'pdf', invoice.id),
  }));
  return listAnswer(scenario, items, page.offset + page.limit < all.length);
};
