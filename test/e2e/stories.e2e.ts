/**
 * Every story is a fixture: the built Storybook (`npm run build-storybook`, which `npm test`
 * runs first) is served as it is, and each story of its index.json is opened in
 * `iframe.html?id=…&viewMode=story`, with HTTP answered by the fake billing service behind
 * msw's service worker. A story passes when its `ready` text appears, its play function
 * completes (Storybook's preview says so on its channel: `storyFinished` with status
 * `success`, no `playFunctionThrewException`) with its steps in the Interactions panel's log,
 * the console stays clean and axe finds nothing. A play function that fails fails its story
 * (checked on a story made to fail), and no story leaves state to the next one or the docs.
 * `STORIES=plans` keeps the stories whose id contains the text.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { launch } from './browser.js';
import { serveDirectory } from './servers.js';
import { FEATURES } from '../../src/testing/fake-api/data-sets/features.js';

const STATIC = join(process.cwd(), 'storybook-static');
/** Where the stories' fake billing service answers (src/testing/fake-api/browser.ts), through msw. */
const FAKE_ORIGIN = 'https://billing.fake/';
const PAGES = Number(process.env['STORY_PAGES'] ?? 2);
const ONLY = process.env['STORIES'] ?? '';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const stories: IndexEntry[] = existsSync(join(STATIC, 'index.json'))
  ? Object.values((JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries).filter(
      (e) => e.type === 'story' && e.id.includes(ONLY),
    )
  : [];

/** The console errors and warnings of the story being checked on a page, and its uncaught errors. */
const problems = new WeakMap<Page, string[]>();

let server: { origin: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
const idle: Page[] = [];
const waiting: Array<(page: Page) => void> = [];

async function newPage(on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // Chromium logs every failed answer; the stories ask the fake for their 404s, 500s and dropped connections.
    if (/^Failed to load resource/.test(message.text()) && message.location().url.startsWith(FAKE_ORIGIN)) return;
    seen.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => {
    // msw's worker is test infrastructure: a failed background update check of it (seen on a
    // loaded machine, while a story keeps a request hanging) is not the panel's error.
    if (/^Failed to update a ServiceWorker .*mockServiceWorker\.js/.test(error.message)) return;
    seen.push(`pageerror: ${error.message}`);
  });
  await page.addInitScript({ path: 'test/e2e/pages/story-ready.js' });
  return page;
}

/** One of the pages, each reused story after story (one browser, at most PAGES stories at once). */
function acquire(): Promise<Page> {
  const page = idle.pop();
  return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
}
function release(page: Page): void {
  const next = waiting.shift();
  if (next) next(page);
  else idle.push(page);
}

interface Outcome {
  finished: { storyId: string; status: string } | undefined;
  errors: string[];
  ignored: string[];
}

/**
 * The story's page. `instrument=true`: Storybook instruments `storybook/test` as it does inside
 * its manager (it skips that in a top-level window), so the page keeps the Interactions log.
 */
const storyUrl = (id: string, extra = '') => `${server.origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&instrument=true${extra}`;

/** What the Interactions panel lists for the story: its steps, and the calls inside them. */
interface InteractionLog {
  hasPlay: boolean;
  steps: string[];
  calls: string[];
}

async function check(page: Page, story: IndexEntry, extra = ''): Promise<void> {
  const seen = problems.get(page)!;
  seen.length = 0;
  await page.goto(storyUrl(story.id, extra));
  // The preview keeps the last payload of every event on its channel (`channel.last`).
  await page.waitForFunction(
    (id) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: { last(name: string): unknown[] | undefined } }).__STORYBOOK_ADDONS_CHANNEL__;
      const finished = channel?.last('storyFinished')?.[0] as { storyId?: string } | undefined;
      return finished?.storyId === id || Boolean(channel?.last('storyMissing'));
    },
    story.id,
    { timeout: 30_000 },
  );
  const outcome: Outcome = await page.evaluate(() => {
    const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { last(name: string): unknown[] | undefined } }).__STORYBOOK_ADDONS_CHANNEL__;
    const errors: string[] = [];
    const ignored: string[] = [];
    for (const name of ['playFunctionThrewException', 'unhandledErrorsWhilePlaying', 'storyThrewException', 'storyErrored', 'storyMissing']) {
      const args = channel.last(name);
      // msw's worker is test infrastructure: its failed background update check is not the story's error (as in pageerror above).
      const infrastructure = name === 'unhandledErrorsWhilePlaying' && /^\[(\{"name":"TypeError","message":"Failed to update a ServiceWorker [^"]*mockServiceWorker\.js[^"]*"[^}]*\},?)+\]$/.test(JSON.stringify(args?.[0]));
      if (args) (infrastructure ? ignored : errors).push(`${name}: ${JSON.stringify(args[0]).slice(0, 500)}`);
    }
    return { finished: channel.last('storyFinished')?.[0] as Outcome['finished'], errors, ignored };
  });
  assert.deepEqual(outcome.errors, [], 'Storybook reports no failure (render, play function, unhandled errors)');
  if (outcome.finished?.status !== 'success') {
    // A failed expect inside the Interactions instrumenter ends the story with status 'error' and
    // no exception event: its call in the instrumenter's log says what failed.
    const failed = await page.evaluate((id) => {
      const state = (window as unknown as { __STORYBOOK_ADDON_INTERACTIONS_INSTRUMENTER_STATE__?: Record<string, { calls: Array<{ method: string; status?: string; exception?: { message?: string } }> }> })
        .__STORYBOOK_ADDON_INTERACTIONS_INSTRUMENTER_STATE__;
      return (state?.[id]?.calls ?? []).filter((c) => c.status === 'error').map((c) => `${c.method}: ${c.exception?.message ?? '?'}`);
    }, story.id);
    // Storybook ends a story with 'error' for any unhandled error while it plays, msw's too.
    const infrastructureOnly = outcome.finished?.status === 'error' && failed.length === 0 && outcome.ignored.length > 0;
    if (!infrastructureOnly)
      assert.fail(`the story and its play function completed: status ${outcome.finished?.status}; failed calls: ${JSON.stringify(failed).slice(0, 1500)}; ignored: ${JSON.stringify(outcome.ignored)}`);
  }

  const log: InteractionLog = await page.evaluate((id) => {
    const w = window as unknown as {
      __STORYBOOK_PREVIEW__: { currentRender?: { story?: { playFunction?: unknown } } };
      __STORYBOOK_ADDON_INTERACTIONS_INSTRUMENTER_STATE__?: Record<string, { calls: Array<{ method: string; path: string[]; args: unknown[] }> }>;
    };
    const calls = w.__STORYBOOK_ADDON_INTERACTIONS_INSTRUMENTER_STATE__?.[id]?.calls ?? [];
    return {
      hasPlay: Boolean(w.__STORYBOOK_PREVIEW__.currentRender?.story?.playFunction),
      steps: calls.filter((c) => c.method === 'step').map((c) => String(c.args[0])),
      calls: calls.filter((c) => c.method !== 'step').map((c) => [...c.path.filter((p) => typeof p === 'string'), c.method].join('.')),
    };
  }, story.id);
  if (log.hasPlay) {
    assert.ok(log.steps.length > 0, 'the play function names its steps (step(…)) for the Interactions panel');
    assert.ok(log.calls.includes('expect'), `the Interactions panel lists its assertions (storybook/test expect); it lists ${JSON.stringify(log.calls)}`);
  }

  // The recorder reads the story's parameters on its next animation frame: wait for it.
  const ready = await page
    .waitForFunction(() => (window as unknown as { __storyReady: { ready?: string } }).__storyReady.ready, undefined, { timeout: 15_000 })
    .then((handle) => handle.jsonValue())
    .catch(() => undefined);
  assert.equal(typeof ready, 'string', 'the story declares parameters.ready');
  await page
    .waitForFunction(() => (window as unknown as { __storyReady: { seen: boolean } }).__storyReady.seen, undefined, { timeout: 15_000 })
    .catch(() => assert.fail(`the ready text "${ready}" never appeared`));

  // After its play function: not the page, not a section, not an open dialog wider than 320 px.
  // No named functions inside: tsx would wrap them in a `__name` helper the page does not have.
  const overflows = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > 320) out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    const roots: ParentNode[] = [document];
    while (roots.length) {
      for (const element of Array.from(roots.pop()!.querySelectorAll('*'))) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        if (!(element instanceof HTMLElement)) continue;
        const base = element.getAttribute('part')?.split(' ').includes('base');
        if (!base && !(element instanceof HTMLDialogElement && element.open)) continue;
        const tag = element.tagName.toLowerCase();
        if (element.scrollWidth > element.clientWidth + 1) out.push(`${tag} overflows (${element.scrollWidth} > ${element.clientWidth})`);
        if (element.getBoundingClientRect().right > 321) out.push(`${tag} is clipped (right ${element.getBoundingClientRect().right})`);
      }
    }
    return out;
  });
  assert.deepEqual(overflows, [], 'nothing overflows or clips at 320 px');

  await page.addScriptTag({ url: '/__e2e/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const results = await axe.run(document.getElementById('storybook-root')!.firstElementChild!);
    return results.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  assert.deepEqual(violations, [], 'axe finds no violation');
  assert.deepEqual(seen, [], 'the console stays clean');
}

before(async () => {
  // axe-core from a URL rather than inline, so that the browser caches it and its compiled code.
  server = await serveDirectory(STATIC, { '/__e2e/axe.min.js': join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
  browser = await launch();
  // Every story at the narrowest width the panel supports: nothing may overflow or clip.
  context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  // msw's worker unregisters itself when the last page it controls unloads (CLIENT_CLOSED in
  // mockServiceWorker.js). Pages going from story to story can all be unloading at once: the
  // worker is then gone, and msw's re-check of it on the next story's start rejects ("Failed
  // to update a ServiceWorker …: Not found"), which Storybook counts against that story. A
  // page that stays on one story keeps the worker registered for the whole run.
  if (stories.length) {
    const anchor = await context.newPage();
    await anchor.goto(storyUrl(stories[0]!.id));
    await anchor.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  }
  for (let i = 0; i < PAGES; i++) idle.push(await newPage());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('every story of the built Storybook', { concurrency: PAGES }, () => {

  it('finds the built Storybook and its stories', () => {
    assert.ok(stories.length > 0, 'storybook-static/index.json lists stories: run npm run build-storybook first');
    assert.ok(existsSync(join(STATIC, 'mockServiceWorker.js')), "msw's service worker is in the build");
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}: ready, plays, fits 320 px, clean console, axe-clean`, async () => {
      const page = await acquire();
      try {
        await check(page, story);
      } finally {
        release(page);
      }
    });
  }

});

// After the stories, one at a time: what the checks above rely on.
describe('the stories as a whole', () => {
  it('fails a story whose play function fails (billing-plans / Yearly made to click a button that does not exist)', async () => {
    // A page of its own whose copy of the story's module clicks "Yearly (no such button)".
    const page = await newPage(await browser.newContext({ viewport: { width: 320, height: 640 } }));
    let changed = 0;
    await page.route(/\/assets\/billing-plans\.stories-[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/,(["'`])Yearly\1\)/g, (_, quote: string) => (changed++, `,${quote}Yearly (no such button)${quote})`));
      const headers = { ...response.headers() };
      delete headers['content-length'];
      await route.fulfill({ status: response.status(), headers, body });
    });
    try {
      await assert.rejects(check(page, { id: 'billing-plans--yearly', title: 'billing-plans', name: 'Yearly', type: 'story' }), (error: Error) => {
        assert.match(error.message, /playFunctionThrewException/);
        return true;
      });
      assert.equal(changed, 1, 'the story clicked the button that does not exist');
    } finally {
      await page.context().close();
    }
  });

  for (const [id, state] of [
    ['billing-features--with-usage', 'Included'],
    ['billing-features--not-included', 'Not included in your plan'],
  ] as const) {
    it(`reads a feature by its name, with its state apart (${id}, Chromium's accessibility tree)`, async () => {
      // A page of its own (as the leak test below): a pooled page that already showed this
      // story once did not always show its data a second time on a busy machine.
      const own = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await newPage(own);
      try {
        const [title, name] = id.split('--') as [string, string];
        await check(page, { id, title, name, type: 'story' });
        // What a screen reader gets: Chromium's own tree, shadow roots flattened.
        const cdp = await page.context().newCDPSession(page);
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
          nodes: Array<{ nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[] }>;
        };
        await cdp.detach();
        const byId = new Map(nodes.map((n) => [n.nodeId, n]));
        const text = (n: (typeof nodes)[number]): string =>
          n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((c) => (byId.get(c) ? text(byId.get(c)!) : '')).join('');
        const names = FEATURES.map((f) => f.name);
        const terms = nodes.filter((n) => !n.ignored && n.role?.value === 'term');
        assert.deepEqual(
          terms.map((n) => n.name?.value),
          names,
          'each feature is a term named by the feature alone',
        );
        for (const term of terms) {
          const parent = nodes.find((n) => n.childIds?.includes(term.nodeId))!;
          const next = byId.get(parent.childIds![parent.childIds!.indexOf(term.nodeId) + 1]!);
          assert.equal(next?.role?.value, 'definition', `${term.name?.value}: its state follows as a definition`);
          assert.equal(text(next!).trim(), state, `${term.name?.value}: the state is exposed`);
        }
        const named = nodes.filter((n) => !n.ignored && names.some((name) => n.name?.value.startsWith(name)) && n.name?.value.includes(state));
        assert.deepEqual(named.map((n) => `${n.role?.value} "${n.name?.value}"`), [], 'no name has the state in it');
        // The same in Playwright's ARIA snapshot, as a reader of this test sees it.
        const snapshot = await page.locator('#storybook-root').ariaSnapshot();
        for (const name of names) assert.match(snapshot, new RegExp(`- term: ${name}\\n\\s*- definition: ${state}\\n`), snapshot);
      } finally {
        await own.close();
      }
    });
  }

  it('no story leaves state to the next one or to the docs page', async () => {
    // A context of its own: the other pages' stories write to the same storage.
    const own = await browser.newContext({ viewport: { width: 800, height: 900 } });
    try {
      const page = await own.newPage();
      /** Opens a story or a docs page as Storybook's manager does: on the channel of the same preview. */
      const open = async (storyId: string, viewMode: 'story' | 'docs' = 'story') => {
        await page.evaluate(
          ([storyId, viewMode]) => (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(name: string, arg: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode }),
          [storyId, viewMode],
        );
        await settled(storyId, viewMode);
      };
      const settled = (id: string, viewMode: 'story' | 'docs') =>
        page.waitForFunction(
          ([id, event]) => {
            const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: { last(name: string): unknown[] | undefined } }).__STORYBOOK_ADDONS_CHANNEL__;
            const last = channel?.last(event!)?.[0] as { storyId?: string } | string | undefined;
            return (typeof last === 'string' ? last : last?.storyId) === id;
          },
          [id, viewMode === 'docs' ? 'docsRendered' : 'storyFinished'],
          { timeout: 20_000 },
        );
      /** The page's address, storage, billing elements and every text, hidden and in shadow roots included. */
      const state = () =>
        page.evaluate(`(() => {
          const text = [];
          const visit = (node) => {
            if (node.nodeType === Node.TEXT_NODE) text.push(node.textContent);
            if (node.shadowRoot) visit(node.shadowRoot);
            for (const child of node.childNodes) visit(child);
          };
          visit(document.body);
          const billing = (selector) => [...document.querySelectorAll(selector + ' *')].filter((e) => e.localName.startsWith('billing-')).map((e) => e.localName);
          return {
            query: location.search,
            storage: Object.keys(localStorage).filter((key) => key.startsWith('billing-panel.')),
            root: billing('#storybook-root'),
            docs: billing('#storybook-docs'),
            text: text.join(' ').replace(/\\s+/g, ' '),
          };
        })()`) as Promise<{ query: string; storage: string[]; root: string[]; docs: string[]; text: string }>;
      const LEAKS = /Your subscription is active|Confirming your subscription|payment is still processing/;
      const assertClean = async (where: string, elements: { root: string[]; docs?: string }) => {
        const now = await state();
        assert.doesNotMatch(now.query, /checkout_session_id/, `${where}: the address has no checkout_session_id`);
        assert.deepEqual(now.storage, [], `${where}: nothing of the panel in localStorage`);
        assert.doesNotMatch(now.text, LEAKS, `${where}: no text of the checkout return, hidden or not`);
        assert.deepEqual(now.root, elements.root, `${where}: only this story's elements are on the page`);
        if (elements.docs) assert.ok(now.docs.length > 0 && now.docs.every((tag) => tag === elements.docs), `${where}: the docs page shows its own ${elements.docs} elements`);
      };

      await page.goto(`${server.origin}/iframe.html?id=billing-panel--return-from-checkout&viewMode=story`);
      await settled('billing-panel--return-from-checkout', 'story');
      assert.match((await state()).text, /Your subscription is active/, 'the return from Checkout played');

      await open('billing-panel--active');
      await assertClean('the story after the return from Checkout', { root: ['billing-panel'] });

      await open('billing-panel--return-from-checkout');
      await open('billing-panel--docs', 'docs');
      await assertClean('the docs page after the return from Checkout', { root: [], docs: 'billing-panel' });
      // The docs page fits its 800 px (the API table's long code spans wrap).
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 800, 'the docs page is no wider than the window');

      // A story stopped half-way (the manager moved on, or the page reloaded) can leave the
      // address and the storage as a return from Checkout sets them: the next story starts clean.
      await page.evaluate(() => {
        localStorage.setItem('billing-panel.pending-checkouts', JSON.stringify({ 'https://billing.fake/s/gone#acct': { id: 'cs_left', at: Date.now() } }));
        history.replaceState(history.state, '', `${location.href}&checkout_session_id=cs_left`);
      });
      await open('billing-panel--trialing');
      await assertClean('the story after a return left half-way', { root: ['billing-panel'] });
    } finally {
      await own.close();
    }
  });
});
