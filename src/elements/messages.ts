/** Plain-language, localized messages for errors and statuses. */
import { msg, str } from '@lit/localize';
import type { BillingError } from '../api/errors.js';

/** What to tell the owner when loading `what` failed (the service's own text for 409/422). */
export function errorMessage(error: BillingError, what: string): string {
  if (error.fromService && (error.status === 409 || error.status === 422)) return error.message;
  switch (error.kind) {
    case 'network':
      return msg(str`Could not load ${what}: the billing service could not be reached.`);
    case 'timeout':
      return msg(str`Could not load ${what}: the billing service took too long to answer.`);
    case 'rate-limited':
      return msg(str`Could not load ${what}: too many requests. Wait a moment and try again.`);
    case 'invalid-response':
      return msg(str`Could not load ${what}: the billing service sent an answer this page could not understand.`);
    case 'forbidden':
      return msg('Only the account owner can manage billing.');
    case 'unauthorized':
      return msg('Your session has expired. Sign in again to manage billing.');
    case 'not-found':
      return msg(str`Could not load ${what}: the billing service could not find it.`);
    case 'config':
      return msg('The billing panel is not configured correctly.');
    case 'redirect-refused':
      return msg('The billing service asked to open a page that is not allowed.');
    default:
      return msg(str`Could not load ${what}. Try again later.`);
  }
}

/** A label for every Stripe status; an unknown status is shown as it came. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'active':
      return msg('Active');
    case 'trialing':
      return msg('Trial');
    case 'past_due':
      return msg('Past due');
    case 'unpaid':
      return msg('Unpaid');
    case 'incomplete':
      return msg('Incomplete');
    case 'incomplete_expired':
      return msg('Expired');
    case 'canceled':
      return msg('Canceled');
    case 'paused':
      return msg('Paused');
    default:
      return status;
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

/** What to tell the owner when an action failed. */
export function actionErrorMessage(error: BillingError, action: string): string {
  if (error.fromService && (error.status === 409 || error.status === 422)) return error.message;
  switch (error.kind) {
    case 'forbidden':
      return msg('Only the account owner can manage billing.');
    case 'unauthorized':
      return msg('Your session has expired. Sign in again to manage billing.');
    case 'redirect-refused':
      return msg('The billing service asked to open a page that is not allowed, so it was not opened.');
    case 'network':
      return msg(str`Could not ${action}: the billing service could not be reached. Nothing was changed by this page; check and try again.`);
    case 'timeout':
      return msg(str`Could not ${action}: the billing service took too long to answer. Check the state below before trying again.`);
    case 'rate-limited':
      return msg(str`Could not ${action}: too many requests. Wait a moment and try again.`);
    default:
      return msg(str`Could not ${action}. Try again later.`);
  }
}

/** Stripe's cancellation feedback values, in words. */
export function reasonLabel(reason: string): string {
  switch (reason) {
    case 'too_expensive':
      return msg('It is too expensive');
    case 'missing_features':
      return msg('Features I need are missing');
    case 'switched_service':
      return msg('I switched to another service');
    case 'unused':
      return msg('I do not use it enough');
    case 'customer_service':
      return msg('Customer service was not good enough');
    case 'too_complex':
      return msg('It is too complicated');
    case 'low_quality':
      return msg('Quality was lower than expected');
    default:
      return msg('Another reason');
  }
}

/** What every plan or interval change says about money. */
export function prorationNote(): string {
  return msg('The billing service prorates the change: you may be asked to pay the difference now on a Stripe page.');
}

/** What is wrong with the configuration, in the panel's language (for the page's developer). */
export function configErrorMessage(error: BillingError | undefined): string {
  switch (error?.code) {
    case 'invalid_base_url':
      return msg('base-url must be an absolute https:// or http:// URL, without credentials, query or fragment.');
    case 'invalid_token':
      return msg('The token is not a valid JWT.');
    default:
      return error?.message ?? '';
  }
}
