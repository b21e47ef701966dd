/**
 * What the stories share: a scenario of the in-browser fake billing service per story
 * (built by a loader from the story's parameters), a clean page for every story, and
 * play-function helpers built on `storybook/test`, so that every query, click and
 * assertion shows as a step in Storybook's Interactions panel. The panel's controls live
 * in shadow roots: `shadowCanvas` gives Testing Library queries inside one element's.
 */
import type { Parameters, StoryContext } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Fault, ScenarioOptions } from '../src/testing/fake-api/types.js';
import type { DataSetName } from '../src/testing/fake-api/data-sets/index.js';
import { browserService, FAKE_ORIGIN, storyScenario, type StoryScenario } from '../src/testing/fake-api/browser.js';
import { allElements, visibleText } from '../src/testing/queries.js';
import { withoutSessionParam } from '../src/session/checkout-return.js';
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

/** Creates the story's own account on the fake service: nothing is shared with another story. */
export const scenarioLoader = async ({ parameters }: { parameters: Parameters }): Promise<{ billing: StoryScenario }> => {
  const p = parameters as BillingParameters;
  return { billing: storyScenario(p.dataset ?? 'active-usd', p.options ?? {}, p.faults ?? []) };
};

/**
 * What a story may leave on the page for the next one: the Checkout return's
 * `checkout_session_id` in the address, the panel's keys in the browser's storage.
 */
export function cleanPage(): void {
  if (new URL(location.href).searchParams.has('checkout_session_id')) {
    history.replaceState(history.state, '', withoutSessionParam(location.href));
  }
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('billing-panel.')) storage.removeItem(key);
  }
}

/**
 * Every story (`beforeEach` of the preview) starts on a clean page and cleans up after
 * itself: its elements leave the page (a docs page keeps the last story's canvas, hidden
 * but live, otherwise), its fake account is forgotten, the address and storage are clean.
 */
export function isolateStory({ canvasElement, loaded }: StoryContext): () => void {
  cleanPage();
  return () => {
    canvasElement.replaceChildren();
    const billing = loaded['billing'] as StoryScenario | undefined;
    if (billing) browserService.scenarios.delete(billing.scenario.id);
    cleanPage();
  };
}

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

/**
 * How long a play function waits for the fake service and the panel: the wait ends as soon as
 * what it waits for is there, and a loaded CI machine has taken over 5 s for a return from Checkout.
 */
export const PATIENCE = { timeout: 10_000 };

/** The story's `tag` element (the story's own, or one inside another's shadow root), once rendered. */
export async function elementIn(canvasElement: HTMLElement, tag: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = allElements(canvasElement).find((e) => e.localName === tag);
    if (!found?.shadowRoot) throw new Error(`no rendered <${tag}> in the story`);
    return found as HTMLElement;
  }, PATIENCE);
}

/**
 * Testing Library queries (`queryAllByRole`…) inside the shadow root of the story's `tag` element,
 * once nothing in the story is loading: a card's actions depend on more than one resource, and
 * a button found before the last one arrives may be re-rendered with another action.
 */
export async function shadowCanvas(canvasElement: HTMLElement, tag: string) {
  const host = await elementIn(canvasElement, tag);
  await waitFor(() => expect(allElements(canvasElement).filter((e) => e.matches('.loading[aria-busy="true"]'))).toHaveLength(0), PATIENCE);
  // One frame painted with the data, as a user sees it before acting (and as test/e2e's
  // ready-text watcher, which looks once a frame, sees it).
  await new Promise(requestAnimationFrame);
  return within(host.shadowRoot as unknown as HTMLElement);
}

type Canvas = Awaited<ReturnType<typeof shadowCanvas>>;

/**
 * Clicks, as a user does, the one button with this accessible name once it is enabled.
 * (`queryAllByRole` in `waitFor` rather than `findByRole`: Testing Library's waiting and error
 * messages refuse a shadow root as their container.)
 */
export async function click(canvas: Canvas, name: string | RegExp): Promise<void> {
  const button = await findOne(canvas, 'button', name);
  await waitFor(() => expect(button, `the button ${String(name)}`).toBeEnabled(), PATIENCE);
  await userEvent.click(button);
}

/** The one element with this role and accessible name, once it is there (a dialog opens after the click that asks for it). */
export async function findOne(canvas: Canvas, role: string, name: string | RegExp): Promise<HTMLElement> {
  return waitFor(async () => {
    const found = canvas.queryAllByRole(role, { name });
    await expect(found, `one ${role} named ${String(name)}`).toHaveLength(1);
    return found[0]!;
  }, PATIENCE);
}

/** Waits until the text a user sees in `root` (across shadow roots) contains `text`. */
export async function expectText(root: Element, text: string): Promise<void> {
  await waitFor(() => expect(visibleText(root)).toContain(text), PATIENCE);
}

export async function expectNoText(root: Element, text: string): Promise<void> {
  await expect(visibleText(root)).not.toContain(text);
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

/** The requests the story's account received, as `METHOD path` lines. */
export function requests(billing: StoryScenario): string[] {
  return billing.scenario.log.filter((e) => e.operation !== 'preflight').map((e) => `${e.method} ${e.path}`);
}
