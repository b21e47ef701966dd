/**
 * What the stories share: a scenario of the in-browser fake billing service per story
 * (built by a loader from the story's parameters), and small play-function helpers that
 * read the panel by role and text across shadow roots.
 */
import type { Parameters } from '@storybook/web-components-vite';
import type { Fault, ScenarioOptions } from '../src/testing/fake-api/types.js';
import type { DataSetName } from '../src/testing/fake-api/data-sets/index.js';
import { FAKE_ORIGIN, storyScenario, type StoryScenario } from '../src/testing/fake-api/browser.js';
import { findByRole, findText, visibleText } from '../src/testing/queries.js';
import type { BillingRedirectEvent } from '../src/events/billing-redirect-event.js';

export interface BillingParameters extends Parameters {
  dataset?: DataSetName;
  options?: ScenarioOptions;
  faults?: Fault[];
  /** Which token the story's element gets. */
  token?: 'owner' | 'member' | 'expired' | 'none';
  /** A base URL that replaces the scenario's (configuration errors). */
  baseUrl?: string;
  /** Text the story shows once it has settled (test/e2e/stories.e2e.ts waits for it). */
  ready?: string;
}

/** Creates the story's account on the fake service. */
export const scenarioLoader = async ({ parameters }: { parameters: Parameters }): Promise<{ billing: StoryScenario }> => {
  const p = parameters as BillingParameters;
  return { billing: storyScenario(p.dataset ?? 'active-usd', p.options ?? {}, p.faults ?? []) };
};

export interface ElementConfig {
  baseUrl: string | undefined;
  token: string | undefined;
  redirectHosts: string;
}

/** The base URL and token a story's element gets. */
export function configOf(billing: StoryScenario, parameters: BillingParameters): ElementConfig {
  const token =
    parameters.token === 'none'
      ? undefined
      : parameters.token === 'member'
        ? billing.memberToken
        : parameters.token === 'expired'
          ? billing.expiredToken
          : billing.token;
  return { baseUrl: parameters.baseUrl ?? billing.baseUrl, token, redirectHosts: new URL(FAKE_ORIGIN).host };
}

export function fail(message: string): never {
  throw new Error(message);
}

/** Clicks the button with this accessible name once it is enabled. */
export async function click(root: Element, name: string | RegExp): Promise<void> {
  const button = await findByRole<HTMLButtonElement>(root, 'button', name);
  const start = performance.now();
  while (button.disabled) {
    if (performance.now() - start > 5000) fail(`button ${String(name)} stays disabled`);
    await new Promise(requestAnimationFrame);
  }
  button.click();
}

/** Waits until a billing-redirect is asked for, prevents it and returns its detail. */
export function nextRedirect(root: Element): Promise<{ kind: string; url: string }> {
  return new Promise((resolve) =>
    root.addEventListener(
      'billing-redirect',
      (event) => {
        event.preventDefault();
        resolve((event as BillingRedirectEvent).detail);
      },
      { once: true },
    ),
  );
}

export async function expectText(root: Element, text: string | RegExp): Promise<void> {
  await findText(root, text);
}

export function expectNoText(root: Element, text: string): void {
  if (visibleText(root).includes(text)) fail(`did not expect "${text}"`);
}

/** The requests the story's account received, as `METHOD path` lines. */
export function requests(billing: StoryScenario): string[] {
  return billing.scenario.log.filter((e) => e.operation !== 'preflight').map((e) => `${e.method} ${e.path}`);
}
