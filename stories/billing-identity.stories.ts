import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { elementMeta, type ElementArgs } from './elements.js';

const meta: Meta<ElementArgs> = {
  title: 'billing-identity',
  component: 'billing-identity',
  ...elementMeta('billing-identity', 'cus_Q1w2…y6U7'),
};
export default meta;
type Story = StoryObj<ElementArgs>;

export const Customer: Story = { parameters: { dataset: 'active-usd' } };
export const ExpiredCard: Story = { parameters: { dataset: 'past-due', ready: 'Expired' } };
export const TestMode: Story = { parameters: { dataset: 'multi-merchant', ready: 'Test mode' } };
export const NoCustomerYet: Story = { parameters: { dataset: 'new-account', ready: 'No billing customer yet' } };
export const Dark: Story = { parameters: { dataset: 'active-usd' }, args: { theme: 'dark' } };
