import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import manifest from '../custom-elements.json';
import { handlers } from '../src/testing/fake-api/browser.js';
import '../src/define.js';
import { isolateStory } from '../stories/support.js';

// Docs pages and controls come from the custom-elements manifest (npm run analyze).
setCustomElementsManifest(manifest);

// HTTP is the shared fake billing service behind msw (public/mockServiceWorker.js).
const worker = setupWorker(...handlers);
const started = worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });

const preview: Preview = {
  loaders: [async () => (await started, {})],
  // Each story starts on a clean page and leaves none of its state to the next one.
  beforeEach: isolateStory,
  parameters: { controls: { expanded: true } },
  tags: ['autodocs'],
};

export default preview;
