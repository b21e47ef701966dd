import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryScenario } from '../src/testing/fake-api/browser.js';
import { waitFor } from '../src/testing/queries.js';
import { elementMeta, type ElementArgs } from './elements.js';
import { click, configOf, expectNoText, expectText, fail, nextRedirect, requests, type BillingParameters } from './support.js';

const meta: Meta<ElementArgs> = {
  title: 'billing-invoices',
  component: 'billing-invoices',
  ...elementMeta('billing-invoices', 'Paid'),
};
export default meta;
type Story = StoryObj<ElementArgs>;

/** Paid, open, void, uncollectible and a status the panel does not know (`in_review`), as the fake's 40 subscriptions have them. */
export const Statuses: Story = { parameters: { dataset: 'many', ready: 'Status: in_review' } };
/** An open invoice: its amount due, "Pay" (through billing-action and billing-redirect), "View" and "PDF". */
export const Open: Story = {
  parameters: { dataset: 'past-due', ready: 'Open' },
  play: async ({ canvasElement }) => {
    const redirect = nextRedirect(canvasElement);
    await click(canvasElement, /^Pay invoice F1A2B-0003, /);
    const { kind } = await redirect;
    if (kind !== 'invoice') fail(`redirect ${kind}, expected invoice`);
  },
};
export const Yen: Story = { parameters: { dataset: 'active-usd', options: { currency: 'jpy' }, ready: '¥2,900' } };
export const ShowMore: Story = {
  parameters: { dataset: 'many', ready: 'Show more invoices' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Show more invoices');
    const rows = () => canvasElement.querySelector('billing-invoices')?.shadowRoot?.querySelectorAll('[part~="invoice"]').length;
    await waitFor(() => rows() === 30, 'the second page of invoices');
  },
};
export const Empty: Story = { parameters: { dataset: 'new-account', ready: 'No invoices yet.' } };
export const Loading: Story = { parameters: { faults: [{ operation: '*', kind: 'hang' }], ready: 'Invoices' } };
export const Error: Story = { parameters: { faults: [{ operation: 'listInvoices', status: 500 }], ready: 'Could not load invoices' } };
/** A service without `listInvoices` (405): inside a panel, no invoice section and no heading; nothing is reported. */
export const NotOffered: Story = {
  parameters: { dataset: 'active-usd', options: { optional: { listInvoices: 405 } }, ready: 'Next charge' },
  render: (args, { loaded, parameters }) => {
    const config = configOf(loaded['billing'] as StoryScenario, parameters as BillingParameters);
    return html`<billing-panel base-url=${config.baseUrl ?? ''} .token=${config.token} locale=${args.locale} theme=${args.theme} redirect-hosts=${config.redirectHosts}>
      <billing-subscriptions></billing-subscriptions>
      <billing-invoices></billing-invoices>
    </billing-panel>`;
  },
  play: async ({ canvasElement, loaded }) => {
    await expectText(canvasElement, 'Next charge');
    const billing = loaded['billing'] as StoryScenario;
    if (!requests(billing).some((line) => line.endsWith('/invoices'))) fail('listInvoices was not asked');
    expectNoText(canvasElement, 'Invoices');
  },
};
export const Dark: Story = { parameters: { dataset: 'past-due', ready: 'Open' }, args: { theme: 'dark' } };
export const Japanese: Story = { parameters: { dataset: 'past-due', ready: '請求書' }, args: { locale: 'ja' } };
