import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { elementMeta, type ElementArgs } from './elements.js';
import { expect, waitFor } from 'storybook/test';
import { click, expectText, shadowCanvas, PATIENCE } from './support.js';

const meta: Meta<ElementArgs> = {
  title: 'billing-subscriptions',
  component: 'billing-subscriptions',
  ...elementMeta('billing-subscriptions', 'Next charge'),
};
export default meta;
type Story = StoryObj<ElementArgs>;

export const Active: Story = { parameters: { dataset: 'active-usd' } };
export const PastDue: Story = { parameters: { dataset: 'past-due', ready: 'Payment needed.' } };
export const Empty: Story = { parameters: { dataset: 'new-account', ready: 'No subscriptions yet' } };
export const Loading: Story = { parameters: { faults: [{ operation: '*', kind: 'hang' }], ready: 'Subscriptions' } };
export const Error: Story = { parameters: { faults: [{ operation: 'listSubscriptions', status: 500 }], ready: 'Could not load subscriptions' } };
export const ShowMore: Story = {
  parameters: { dataset: 'many', ready: 'Show more subscriptions' },
  play: async ({ canvasElement, step }) => {
    let before = 0;
    const cards = async () => (await shadowCanvas(canvasElement, 'billing-subscriptions')).queryAllByRole('listitem').length;
    await step('Show more subscriptions', async () => {
      before = await cards();
      await click(await shadowCanvas(canvasElement, 'billing-subscriptions'), 'Show more subscriptions');
    });
    await step('More subscriptions are listed, and more can still be shown', async () => {
      await waitFor(async () => expect(await cards()).toBeGreaterThan(before), PATIENCE);
      await expectText(canvasElement, 'Show more subscriptions');
    });
  },
};
