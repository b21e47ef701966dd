/** Rendering billing elements against a fake scenario. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

export interface PanelOptions {
  accountStyle?: boolean;
  token?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  readOnly?: boolean;
}

/** Renders a `<billing-panel>` on the scenario and waits for `billing-loaded`. */
export async function loadedPanel(s: RemoteScenario, options: PanelOptions = {}): Promise<BillingPanel> {
  const el = document.createElement('billing-panel');
  const loaded = oneEvent(el, 'billing-loaded');
  configure(el, s, options);
  await fixture(html`<div>${el}</div>`);
  await loaded;
  await el.updateComplete;
  return el;
}

export function configure(el: BillingPanel, s: RemoteScenario, options: PanelOptions = {}): void {
  el.baseUrl = s.baseUrl;
  el.token = options.token ?? s.token;
  if (options.accountStyle) el.accountId = s.accountId;
  if (options.locale) el.locale = options.locale;
  if (options.theme) el.theme = options.theme;
  if (options.readOnly) el.readOnly = true;
}

/** Renders an unloaded panel (does not wait). */
export async function panel(s: RemoteScenario | undefined, options: PanelOptions = {}): Promise<BillingPanel> {
  const el = document.createElement('billing-panel');
  if (s) configure(el, s, options);
  await fixture(html`<div>${el}</div>`);
  return el;
}
