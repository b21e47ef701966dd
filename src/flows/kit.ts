/**
 * What the on-demand chunk (`load.ts`) uses at run time, handed to it by the bundle.
 *
 * The confirmation dialogs load on demand, like the locales. A chunk that imported `lit` or
 * the panel's own modules would make the bundler move those into a third chunk that the
 * bundle imports statically (the bundle would no longer be one file), or would import the
 * bundle by its URL (a second copy when the page loaded it with a query string). So the
 * flows import types only, and take every run-time value from this kit: the bundle's own
 * lit, @lit/localize and formatting, one copy of each.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { CANCEL_REASONS } from '../api/schemas.js';
import { formatDate, formatMoney, formatPrice, yearlySaving } from '../i18n/format.js';
import { alternatePrice, cardChanges, cheaperPlan, isCanceling } from '../elements/catalog.js';
import { codeMessage, LIVE_STATUSES, statusLabel } from '../elements/messages.js';
import { joinSentences } from '../i18n/localization.js';
import { flowKey } from './keys.js';

export const kit = {
  html,
  nothing,
  msg,
  str,
  CANCEL_REASONS,
  formatDate,
  formatMoney,
  formatPrice,
  yearlySaving,
  statusLabel,
  codeMessage,
  joinSentences,
  alternatePrice,
  cheaperPlan,
  cardChanges,
  isCanceling,
  LIVE_STATUSES,
  flowKey,
};

export type Kit = typeof kit;
