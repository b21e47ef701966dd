/**
 * The fake billing service in the browser (Storybook and its stories, also run by test/e2e/stories.e2e.ts): one in-memory
 * service behind msw handlers, answering at `https://billing.fake/s/{scenario}`.
 */
import { FakeBillingService } from './service.js';
import type { Fault, ScenarioOptions } from './types.js';
import type { DataSetName } from './data-sets/index.js';
import { fakeBillingHandlers } from './msw.js';

export const FAKE_ORIGIN = 'https://billing.fake';
export const browserService = new FakeBillingService();
export const handlers = fakeBillingHandlers(browserService);

/** A fresh account with its own state, tokens and request log; `faults` as in the fake's control API. */
export function storyScenario(dataset: DataSetName, options: ScenarioOptions = {}, faults: Fault[] = []) {
  const scenario = browserService.createScenario(dataset, options, FAKE_ORIGIN);
  scenario.faults.push(...faults.map((fault) => ({ ...fault })));
  const { baseUrl, tokens, accountId } = browserService.describe(scenario, FAKE_ORIGIN);
  return { baseUrl, accountId, token: tokens.owner, memberToken: tokens.member, expiredToken: tokens.expired, scenario };
}

export type StoryScenario = ReturnType<typeof storyScenario>;
