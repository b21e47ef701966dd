/** The features the plans of the data sets grant, with their limits per plan. */
import type { FeatureDefinition } from './wire.js';

export const FEATURES: FeatureDefinition[] = [
  {
    key: 'inboxes',
    name: 'Inboxes',
    description: 'Connected inboxes',
    unit: 'inboxes',
    limits: { prod_starter: 1, prod_pro: 10, prod_business: null, prod_jp_pro: 10, prod_th_basic: 3, prod_cn_pro: 10, prod_team: null },
  },
  {
    key: 'api_calls',
    name: 'API calls',
    description: 'Requests this month',
    unit: 'requests',
    limits: { prod_starter: 10_000, prod_pro: null, prod_business: null, prod_jp_pro: null, prod_team: null },
  },
  {
    key: 'seats',
    name: 'Seats',
    description: null,
    unit: 'seats',
    limits: { prod_pro: 5, prod_business: 25, prod_jp_pro: 5, prod_cn_pro: 5, prod_team: 'quantity' },
  },
  {
    key: 'priority_support',
    name: 'Priority support',
    description: 'Answers within four business hours',
    unit: null,
    limits: { prod_pro: null, prod_business: null },
  },
];
