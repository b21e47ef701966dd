/**
 * `billing-panel/react`: a React component for every element, made with `@lit/react`, for
 * React 18 and 19 alike. Properties (`tokenProvider` included) are set on the element, and
 * each public event has an `onBilling…` prop typed with its event class. Importing this
 * module registers the tags (it imports `define.js`).
 *
 * ```tsx
 * import { BillingPanel } from 'billing-panel/react';
 * <BillingPanel baseUrl="https://api.example.com" tokenProvider={getToken} onBillingChanged={(e) => e.detail.action} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define.js';
import { BillingPanel as BillingPanelElement } from './billing-panel.js';
import { BillingFeatures as BillingFeaturesElement } from './elements/billing-features.js';
import { BillingIdentity as BillingIdentityElement } from './elements/billing-identity.js';
import { BillingInvoices as BillingInvoicesElement } from './elements/billing-invoices.js';
import { BillingPlans as BillingPlansElement } from './elements/billing-plans.js';
import { BillingSubscriptions as BillingSubscriptionsElement } from './elements/billing-subscriptions.js';
import type { BillingActionEvent } from './events/billing-action-event.js';
import type { BillingChangedEvent } from './events/billing-changed-event.js';
import type { BillingErrorEvent } from './events/billing-error-event.js';
import type { BillingLoadedEvent } from './events/billing-loaded-event.js';
import type { BillingRedirectEvent } from './events/billing-redirect-event.js';
import type { BillingTokenExpiredEvent } from './events/billing-token-expired-event.js';

/** The events every element fires when it is used on its own (the panel fires them for its children). */
const dataEvents = {
  onBillingLoaded: 'billing-loaded' as EventName<BillingLoadedEvent>,
  onBillingError: 'billing-error' as EventName<BillingErrorEvent>,
  onBillingTokenExpired: 'billing-token-expired' as EventName<BillingTokenExpiredEvent>,
};
/** The events of the elements that run owner actions. */
const actionEvents = {
  ...dataEvents,
  onBillingRedirect: 'billing-redirect' as EventName<BillingRedirectEvent>,
  onBillingChanged: 'billing-changed' as EventName<BillingChangedEvent>,
  onBillingAction: 'billing-action' as EventName<BillingActionEvent>,
};

/** `<billing-panel>`: the whole billing page. */
export const BillingPanel = createComponent({
  react: React,
  tagName: 'billing-panel',
  elementClass: BillingPanelElement,
  events: actionEvents,
  displayName: 'BillingPanel',
});

/** `<billing-subscriptions>`: the subscriptions and their actions. */
export const BillingSubscriptions = createComponent({
  react: React,
  tagName: 'billing-subscriptions',
  elementClass: BillingSubscriptionsElement,
  events: actionEvents,
  displayName: 'BillingSubscriptions',
});

/** `<billing-invoices>`: the invoice history, with "Pay" for open invoices. */
export const BillingInvoices = createComponent({
  react: React,
  tagName: 'billing-invoices',
  elementClass: BillingInvoicesElement,
  events: { ...dataEvents, onBillingRedirect: actionEvents.onBillingRedirect, onBillingAction: actionEvents.onBillingAction },
  displayName: 'BillingInvoices',
});

/** `<billing-plans>`: the plans to subscribe or switch to. */
export const BillingPlans = createComponent({
  react: React,
  tagName: 'billing-plans',
  elementClass: BillingPlansElement,
  events: actionEvents,
  displayName: 'BillingPlans',
});

/** `<billing-features>`: what the account is entitled to. */
export const BillingFeatures = createComponent({
  react: React,
  tagName: 'billing-features',
  elementClass: BillingFeaturesElement,
  events: dataEvents,
  displayName: 'BillingFeatures',
});

/** `<billing-identity>`: the Stripe customer and payment method. */
export const BillingIdentity = createComponent({
  react: React,
  tagName: 'billing-identity',
  elementClass: BillingIdentityElement,
  events: dataEvents,
  displayName: 'BillingIdentity',
});
