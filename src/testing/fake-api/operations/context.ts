/** What every operation handler gets, and the answer shapes they share. */
import { error, json } from '../responses.js';
import type { Scenario } from '../scenario.js';
import type { FakeResponse, Route } from '../types.js';

export interface OperationContext {
  scenario: Scenario;
  route: Route;
  /** The JSON body (an empty object when there is none). */
  input: Record<string, unknown>;
  url: URL;
  /** The scenario's base URL, `{origin}/s/{id}`. */
  base: string;
}

export type Operation = (context: OperationContext) => FakeResponse;

/** A list in the scenario's list style: the canonical `{items}`, Stripe's `{data}`, or a bare array. */
export function listAnswer(scenario: Scenario, items: unknown[], hasMore = false): FakeResponse {
  switch (scenario.options.listStyle) {
    case 'array':
      return json(200, items);
    case 'data':
      return json(200, { object: 'list', data: items, has_more: hasMore });
    default:
      return json(200, { items, has_more: hasMore });
  }
}

/** `limit` (1–100, default 15) and `offset` (≥ 0) of a list request, or the 400 for bad ones. */
export function pageOf(url: URL): { limit: number; offset: number } | FakeResponse {
  const limit = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : 15;
  const offset = url.searchParams.has('offset') ? Number(url.searchParams.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) {
    return error(400, 'invalid_pagination', 'limit must be 1–100 and offset ≥ 0.');
  }
  return { limit, offset };
}

/** A Stripe-hosted page: the local fake page (default) or a real-looking stripe.com URL. */
export function stripeUrl({ scenario, base }: OperationContext, kind: 'checkout' | 'portal' | 'invoice' | 'pdf', id: string): string {
  if (scenario.options.stripeUrls === 'stripe') {
    switch (kind) {
      case 'checkout':
        return `https://checkout.stripe.com/c/pay/${id}`;
      case 'portal':
        return `https://billing.stripe.com/p/session/${id}`;
      case 'invoice':
        return `https://invoice.stripe.com/i/acct_fake/${id}`;
      case 'pdf':
        return `https://pay.stripe.com/invoice/acct_fake/${id}/pdf`;
    }
  }
  return kind === 'pdf' ? `${base}/fake-stripe/invoice/${id}/pdf` : `${base}/fake-stripe/${kind}/${id}`;
}

/** The 400 for an optional `locale` that is not a string (contract 1.1: session bodies may carry one). */
export function badLocale(input: Record<string, unknown>): FakeResponse | undefined {
  const locale = input['locale'];
  return locale === undefined || typeof locale === 'string' ? undefined : error(400, 'invalid_request', 'locale must be a string.');
}

export const isQuantity = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
