/**
 * Why an owner's action failed, in the on-demand chunk: a failed action is shown once the
 * chunk is in (`ActionRunner` waits for it), else with its headline alone.
 */
import type { BillingError } from '../api/errors.js';
import type { Kit } from './kit.js';

/** What a service `code` that only actions meet means; the others are the bundle's (`codeMessage`). */
function actionCode({ msg, codeMessage }: Kit, code: string | undefined): string | undefined {
  switch (code) {
    case 'subscription_not_found':
      return msg('The billing service has no such subscription any more.');
    case 'price_not_found':
      return msg('This price is no longer offered.');
    case 'already_canceled':
      return msg('This subscription has already ended.');
    case 'not_scheduled_to_cancel':
      return msg('This subscription is not set to cancel.');
    case 'already_subscribed':
      return msg('You already have a subscription with this merchant. Switch its plan instead.');
    case 'no_change':
      return msg('The subscription is already on this price.');
    case 'session_not_found':
      return msg('Stripe has no record of this checkout.');
    default:
      return codeMessage(code);
  }
}

/** Why an action failed, as whole sentences. */
function actionReason({ msg }: Kit, error: BillingError): string {
  switch (error.kind) {
    case 'network':
      return msg('The billing service could not be reached. Nothing was changed by this page. Check your connection and try again.');
    case 'timeout':
      return msg('The billing service took too long to answer. Check the state below before trying again.');
    case 'rate-limited':
      return msg('Too many requests. Wait a moment and try again.');
    default:
      return msg('Try again later.');
  }
}

/**
 * What to tell the owner when an action failed: `headline` is the whole sentence naming
 * the action ("Could not cancel the subscription."), then why — the meaning of the
 * service's code when the panel knows it.
 */
export function actionErrorMessage(kit: Kit, error: BillingError, headline: string): string {
  const { msg } = kit;
  switch (error.kind) {
    case 'forbidden':
      return msg('Only the account owner can manage billing.');
    case 'unauthorized':
      return msg('Your session has expired. Sign in again to manage billing.');
    case 'redirect-refused':
      return msg('The billing service asked to open a page that is not allowed, so it was not opened.');
    default:
      return kit.joinSentences(headline, actionCode(kit, error.code) ?? actionReason(kit, error));
  }
}
