/**
 * Registers every billing-panel element. This is the entry of the drop-in bundle
 * (`dist/billing-panel.js`). Guarded: loading the bundle twice on one page throws nothing.
 */
import { BillingPanel } from './billing-panel.js';

const elements: Array<[string, CustomElementConstructor]> = [['billing-panel', BillingPanel]];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
