import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { elementMeta, type ElementArgs } from './elements.js';

const meta: Meta<ElementArgs> = {
  title: 'billing-features',
  component: 'billing-features',
  ...elementMeta('billing-features', 'inboxes: 3 of 10 used'),
};
export default meta;
type Story = StoryObj<ElementArgs>;

export const WithUsage: Story = { parameters: { dataset: 'active-usd' } };
export const NotIncluded: Story = { parameters: { dataset: 'new-account', ready: 'Not included in your plan' } };
export const Error: Story = { parameters: { faults: [{ operation: 'listFeatures', kind: 'malformed-json' }], ready: 'Could not load features' } };
export const Japanese: Story = { parameters: { dataset: 'active-usd', ready: '機能' }, args: { locale: 'ja' } };
