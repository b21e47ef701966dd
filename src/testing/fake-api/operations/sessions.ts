/** Stripe sessions (Checkout, Customer Portal), the return from Checkout, and sync from Stripe. */
import { planAndPrice } from '../data-sets/index.js';
import { clone, error, isHttpUrl, json, newId } from '../responses.js';
import { LIVE } from '../scenario.js';
import { badLocale, isQuantity, listAnswer, stripeUrl, type Operation } from './context.js';

export const createCheckoutSession: Operation = (context) => {
  const { scenario, input } = context;
  const priceId = input['price_id'];
  if (typeof priceId !== 'string') return error(400, 'invalid_request', 'price_id is required.');
  if (!isHttpUrl(input['success_url']) || !isHttpUrl(input['cancel_url'])) {
    return error(400, 'invalid_url', 'success_url and cancel_url must be absolute http(s) URLs.');
  }
  const locale = badLocale(input);
  if (locale) return locale;
  const quantity = input['quantity'] ?? 1;
  if (!isQuantity(quantity)) return error(400, 'invalid_request', 'quantity must be an integer of at least 1.');
  const found = planAndPrice(scenario.merchants, priceId);
  if (!found) return error(422, 'price_not_found', 'That price does not exist.');
  const bounds = found.price.adjustable_quantity;
  if (bounds?.enabled && (quantity < bounds.minimum || quantity > bounds.maximum)) {
    return error(422, 'quantity_out_of_range', `quantity must be between ${bounds.minimum} and ${bounds.maximum}.`);
  }
  const duplicate = scenario.subscriptions().find((s) => s.merchant_id === found.merchant.id && LIVE.has(s.status));
  if (duplicate) return error(409, 'already_subscribed', 'This account already has a subscription with this merchant; change it instead.');
  const id = newId('cs_test');
  scenario.sessions.set(id, {
    id,
    price_id: priceId,
    success_url: input['success_url'] as string,
    cancel_url: input['cancel_url'] as string,
    quantity,
    locale: (input['locale'] as string | undefined) ?? null,
    status: 'open',
    subscription_id: null,
  });
  return json(200, { id, url: stripeUrl(context, 'checkout', id) });
};

export const createPortalSession: Operation = (context) => {
  const { scenario, input } = context;
  if (!isHttpUrl(input['return_url'])) return error(400, 'invalid_url', 'return_url must be an absolute http(s) URL.');
  const locale = badLocale(input);
  if (locale) return locale;
  if (!scenario.customer) return error(409, 'customer_not_found', 'This account has no billing customer yet.');
  const id = newId('bps');
  scenario.portals.set(id, input['return_url'] as string);
  return json(200, { id, url: stripeUrl(context, 'portal', id) });
};

/** The sessions are the scenario's own: another account's session id is a 404, as the contract asks. */
export const syncCheckoutSession: Operation = ({ scenario, input }) => {
  const sessionId = input['session_id'];
  if (typeof sessionId !== 'string' || !sessionId) return error(400, 'invalid_request', 'session_id is required.');
  const session = scenario.sessions.get(sessionId);
  if (!session) return error(404, 'session_not_found', 'No such checkout session.');
  if (session.status !== 'complete' || !session.subscription_id) return json(200, { subscription: null, hosted_invoice_url: null });
  const remote = scenario.stripe.get(session.subscription_id)!;
  scenario.local.set(remote.id, clone(remote));
  return json(200, { subscription: scenario.local.get(remote.id), hosted_invoice_url: null });
};

export const syncSubscriptions: Operation = ({ scenario, url }) => {
  const allowDeletes = url.searchParams.get('allow_deletes') === 'true';
  for (const remote of scenario.stripe.values()) scenario.local.set(remote.id, clone(remote));
  if (allowDeletes) for (const id of scenario.local.keys()) if (!scenario.stripe.has(id)) scenario.local.delete(id);
  return listAnswer(scenario, scenario.subscriptions());
};
