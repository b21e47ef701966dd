/**
 * Registers every billing-panel element, and prepares the page language's formatters when
 * the browser is idle. This is the entry of the drop-in bundle (`dist/billing-panel.js`).
 * Guarded: loading the bundle twice on one page throws nothing.
 */
import { BillingPanel } from './billing-panel.js';
import { BillingFeatures } from './elements/billing-features.js';
import { BillingIdentity } from './elements/billing-identity.js';
import { BillingInvoices } from './elements/billing-invoices.js';
import { BillingPlans } from './elements/billing-plans.js';
import { BillingSubscriptions } from './elements/billing-subscriptions.js';
import { warmUpFormatsWhenIdle } from './i18n/format.js';

const elements: Array<[string, CustomElementConstructor]> = [
  ['billing-panel', BillingPanel],
  ['billing-subscriptions', BillingSubscriptions],
  ['billing-invoices', BillingInvoices],
  ['billing-plans', BillingPlans],
  ['billing-features', BillingFeatures],
  ['billing-identity', BillingIdentity],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

warmUpFormatsWhenIdle();
