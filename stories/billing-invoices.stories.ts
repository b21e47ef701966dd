import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { StoryScenario } from '../src/testing/fake-api/browser.js';
import { visibleText } from '../src/testing/queries.js';
import { elementMeta, type ElementArgs } from './elements.js';
import { click, configOf, expectText, nextRedirect, requests, shadowCanvas, type BillingParameters, PATIENCE } from './support.js';

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
  play: async ({ canvasElement, step }) => {
    const redirect = nextRedirect(canvasElement);
    await step('Pay the open invoice', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-invoices'), /^Pay invoice F1A2B-0003, /);
    });
    await step("The panel leaves for Stripe's invoice page", async () => {
      await expect((await redirect).kind).toBe('invoice');
    });
  },
};
export const Yen: Story = { parameters: { dataset: 'active-usd', options: { currency: 'jpy' }, ready: '¥2,900' } };
export const ShowMore: Story = {
  parameters: { dataset: 'many', ready: 'Show more invoices' },
  play: async ({ canvasElement, step }) => {
    await step('Show more invoices', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-invoices'), 'Show more invoices');
    });
    await step('The second page follows the first', async () => {
      const rows = () => canvasElement.querySelector('billing-invoices')?.shadowRoot?.querySelectorAll('[part~="invoice"]').length;
      await waitFor(() => expect(rows()).toBe(30), PATIENCE);
    });
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
  play: async ({ canvasElement, loaded, step }) => {
    await step('The subscriptions load; the invoices were asked for', async () => {
      await expectText(canvasElement, 'Next charge');
      const billing = loaded['billing'] as StoryScenario;
      await expect(requests(billing).some((line) => line.includes('/invoices'))).toBe(true);
    });
    await step('No invoice section, no heading, once the service said it has none to offer', async () => {
      await waitFor(() => expect(visibleText(canvasElement)).not.toContain('Invoices'), PATIENCE);
    });
  },
};
export const Dark: Story = { parameters: { dataset: 'past-due', ready: 'Open' }, args: { theme: 'dark' } };
export const Japanese: Story = { parameters: { dataset: 'past-due', ready: '請求書' }, args: { locale: 'ja' } };
