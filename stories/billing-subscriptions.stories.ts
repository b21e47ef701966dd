import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { elementMeta, type ElementArgs } from './elements.js';
import { click, expectText } from './support.js';

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
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Show more subscriptions');
    await expectText(canvasElement, 'Show more subscriptions');
  },
};
