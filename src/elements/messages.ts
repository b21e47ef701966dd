/** Plain-language, localized messages for errors and statuses. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { BillingError } from '../api/errors.js';
import { joinSentences } from '../i18n/localization.js';

/**
 * What the service's error `code` means, as a whole sentence in the panel's language;
 * undefined for a code the panel does not know (the codes only actions meet are in
 * `flows/action-failure.ts`, on demand). The service's own text is English (or
 * whatever it chose): it is only ever shown as a detail (`serviceDetail`).
 */
export function codeMessage(code: string | undefined): string | undefined {
  switch (code) {
    case 'not_owner':
      return msg('Only the account owner can manage billing.');
    case 'customer_not_found':
      return msg('This account has no billing customer yet.');
    case 'rate_limited':
      return msg('Too many requests. Wait a moment and try again.');
    case 'panel_unavailable':
      return msg('Part of the billing panel could not be loaded. Check your connection and try again.', {
        desc: 'The panel could not load one of its own files (not the billing service); nothing was sent.',
      });
    default:
      return undefined;
  }
}

/**
 * The service's own words about a refused request (409, 422), under the panel's message:
 * a detail, never the message. Other statuses say nothing the panel's message does not.
 */
export function serviceDetail(error: BillingError): TemplateResult | typeof nothing {
  const refused = error.status === 409 || error.status === 422;
  return error.fromService && refused ? html`<br /><small class="detail">${error.message}</small>` : nothing;
}

/** Why a load failed, as whole sentences. */
function loadReason(error: BillingError): string {
  switch (error.kind) {
    case 'network':
      return msg('The billing service could not be reached.');
    case 'timeout':
      return msg('The billing service took too long to answer.');
    case 'rate-limited':
      return msg('Too many requests. Wait a moment and try again.');
    case 'invalid-response':
      return msg('The billing service sent an answer this page could not understand.');
    case 'not-found':
      return msg('The billing service could not find it.');
    default:
      // The notice has a Try again button: no "try again later" beside it.
      return '';
  }
}

/**
 * What to tell the owner when a load failed: `headline` is the whole sentence saying what
 * could not be loaded ("Could not load features."), then why.
 */
export function errorMessage(error: BillingError, headline: string): string {
  switch (error.kind) {
    case 'forbidden':
      return msg('Only the account owner can manage billing.');
    case 'unauthorized':
      return msg('Your session has expired. Sign in again to manage billing.');
    case 'config':
      return msg('The billing panel is not configured correctly.');
    case 'redirect-refused':
      return msg('The billing service asked to open a page that is not allowed.');
    default:
      return joinSentences(headline, codeMessage(error.code) ?? loadReason(error));
  }
}

/** A label for every Stripe status; an unknown status inside a localized frame. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'active':
      return msg('Active');
    case 'trialing':
      return msg('Trial');
    case 'past_due':
      return msg('Past due');
    case 'unpaid':
      return msg('Unpaid', { desc: 'Stripe status unpaid: payment attempts failed and automatic collection stopped; worse than Past due.' });
    case 'incomplete':
      return msg('Incomplete', { desc: 'Stripe status incomplete: the first payment has not been made yet.' });
    case 'incomplete_expired':
      return msg('Expired', {
        id: 'status-incomplete-expired',
        desc: 'Stripe status incomplete_expired: the first payment was not made in time, so the subscription never started.',
      });
    case 'canceled':
      return msg('Canceled');
    case 'paused':
      return msg('Paused');
    default:
      return msg(str`Status: ${status}`, { desc: 'A subscription status the panel does not know, as Stripe names it (English, snake_case).' });
  }
}

export type Tone = 'success' | 'warning' | 'danger' | 'neutral';

export function statusTone(status: string): Tone {
  switch (status) {
    case 'active':
    case 'trialing':
      return 'success';
    case 'past_due':
    case 'unpaid':
    case 'incomplete':
      return 'danger';
    case 'paused':
      return 'warning';
    default:
      return 'neutral';
  }
}

/** Statuses that mean the owner must pay or fix the payment method. */
export const PAYMENT_NEEDED = new Set(['past_due', 'unpaid', 'incomplete']);
/** Statuses of a subscription that still exists (not ended). */
export const LIVE_STATUSES = new Set(['active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused']);

/** What is wrong with the configuration, in the panel's language (for the page's developer), after "Billing is not configured correctly." */
export function configErrorMessage(error: BillingError | undefined): string {
  switch (error?.code) {
    case 'invalid_base_url':
      return msg('base-url must be an absolute https:// or http:// URL, without credentials, query or fragment.');
    case 'invalid_token':
      return msg('The token is not a valid JWT.');
    default:
      return msg('Check the attributes of the panel.');
  }
}
