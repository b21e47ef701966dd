/**
 * Every story is a fixture: rendered here in Chromium with the same msw handlers as in
 * Storybook, it must reach its ready text with a clean console, be axe-clean, and pass its
 * play function.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { setupWorker } from 'msw/browser';
import './helpers/console-guard.js';
import '../src/define.js';
import { handlers } from '../src/testing/fake-api/browser.js';
import { findText } from '../src/testing/queries.js';
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
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

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
          await story.play?.(context);
        } finally {
          canvasElement.remove();
        }
      });
    }
  });
}
