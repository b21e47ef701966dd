import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { elementMeta, type ElementArgs } from './elements.js';
import { click, expectText, shadowCanvas } from './support.js';

const meta: Meta<ElementArgs> = {
  title: 'billing-plans',
  component: 'billing-plans',
  ...elementMeta('billing-plans', 'Current plan'),
};
export default meta;
type Story = StoryObj<ElementArgs>;

export const WithCurrentPlan: Story = { parameters: { dataset: 'active-usd' } };
export const NewAccount: Story = { parameters: { dataset: 'new-account', ready: 'Subscribe to Pro' } };
export const SeveralMerchants: Story = { parameters: { dataset: 'multi-merchant', ready: 'Test mode' } };
export const Yearly: Story = {
  parameters: { dataset: 'new-account', ready: 'Save up to 17% yearly' },
  play: async ({ canvasElement, step }) => {
    await step('Show the yearly prices', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-plans'), 'Yearly');
      await expectText(canvasElement, '$290.00 per year');
    });
  },
};
export const Error: Story = { parameters: { faults: [{ operation: 'listMerchants', kind: 'html' }], ready: 'Could not load plans' } };
