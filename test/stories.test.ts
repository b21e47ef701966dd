/**
 * Every story is a fixture: rendered here in Chromium with the same msw handlers as in
 * Storybook, it must reach its ready text with a clean console, be axe-clean, and pass its
 * play function.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { setupWorker } from 'msw/browser';
import { setViewport } from '@web/test-runner-commands';
import './helpers/console-guard.js';
import '../src/define.js';
import { handlers } from './fake-api/browser.js';
import { allElements, findText } from './helpers/dom.js';
import * as panel from '../stories/billing-panel.stories.js';
import * as subscriptions from '../stories/billing-subscriptions.stories.js';
import * as plans from '../stories/billing-plans.stories.js';
import * as features from '../stories/billing-features.stories.js';
import * as identity from '../stories/billing-identity.stories.js';

type Context = { canvasElement: HTMLElement; loaded: Record<string, unknown>; args: Record<string, unknown>; parameters: Record<string, unknown> };
interface StoryLike {
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  loaders?: Array<(context: Context) => Promise<Record<string, unknown>>>;
  render?: (args: Record<string, unknown>, context: Context) => unknown;
  play?: (context: Context) => Promise<void>;
}

const worker = setupWorker(...handlers);
before(async () => {
  // Every story at the narrowest width the panel supports: nothing may overflow or clip.
  await setViewport({ width: 320, height: 640 });
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
});
after(async () => {
  worker.stop();
  await setViewport({ width: 800, height: 600 });
});

/** Nothing wider than the 320 px page: not the page, not a section, not an open dialog. */
function expectFitsAt320(root: HTMLElement, story: string): void {
  expect(document.documentElement.scrollWidth, `${story}: page overflows at 320 px`).to.be.at.most(320);
  for (const element of allElements(root)) {
    if (!(element instanceof HTMLElement)) continue;
    const base = element.getAttribute('part')?.split(' ').includes('base');
    if (base || (element instanceof HTMLDialogElement && element.open)) {
      expect(element.scrollWidth, `${story}: ${element.tagName.toLowerCase()} overflows`).to.be.at.most(element.clientWidth + 1);
      const rect = element.getBoundingClientRect();
      expect(rect.right, `${story}: ${element.tagName.toLowerCase()} is clipped`).to.be.at.most(321);
    }
  }
}

const files = { panel, subscriptions, plans, features, identity } as unknown as Record<string, Record<string, StoryLike>>;

for (const [file, module] of Object.entries(files)) {
  const meta = module['default']!;
  describe(`stories: ${meta['title' as keyof StoryLike] as unknown as string}`, () => {
    for (const [name, story] of Object.entries(module)) {
      if (name === 'default') continue;
      it(`${file}/${name}: renders, is axe-clean and plays`, async () => {
        const args = { ...meta.args, ...story.args };
        const parameters = { ...meta.parameters, ...story.parameters };
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        try {
          const context: Context = { canvasElement, args, parameters, loaded: {} };
          for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
            Object.assign(context.loaded, await loader(context));
          }
          render((story.render ?? meta.render)!(args, context), canvasElement);
          await findText(canvasElement, parameters['ready'] as string, 8000);
          await expect(canvasElement.firstElementChild).to.be.accessible();
          expectFitsAt320(canvasElement, name);
          await story.play?.(context);
          expectFitsAt320(canvasElement, `${name} after its play function`);
        } finally {
          canvasElement.remove();
        }
      });
    }
  });
}
