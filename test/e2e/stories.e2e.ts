/**
 * Every story is a fixture: the built Storybook (`npm run build-storybook`, which `npm test`
 * runs first) is served as it is, and each story of its index.json is opened in
 * `iframe.html?id=…&viewMode=story`, with HTTP answered by the fake billing service behind
 * msw's service worker. A story passes when its `ready` text appears, its play function
 * completes (Storybook's preview says so on its channel: `storyFinished` with status
 * `success`, no `playFunctionThrewException`), the console stays clean and axe finds nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { launch } from './browser.js';
import { serveDirectory } from './servers.js';

const STATIC = join(process.cwd(), 'storybook-static');
/** Where the stories' fake billing service answers (src/testing/fake-api/browser.ts), through msw. */
const FAKE_ORIGIN = 'https://billing.fake/';
const PAGES = Number(process.env['STORY_PAGES'] ?? 2);

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const stories: IndexEntry[] = existsSync(join(STATIC, 'index.json'))
  ? Object.values((JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries).filter((e) => e.type === 'story')
  : [];

/** The console errors and warnings of the story being checked on a page, and its uncaught errors. */
const problems = new WeakMap<Page, string[]>();

let server: { origin: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
const idle: Page[] = [];
const waiting: Array<(page: Page) => void> = [];

async function newPage(): Promise<Page> {
  const page = await context.newPage();
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
}

async function check(page: Page, story: IndexEntry): Promise<void> {
  const seen = problems.get(page)!;
  seen.length = 0;
  await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
  // The preview keeps the last payload of every event on its channel (`channel.last`).
  await page.waitForFunction(
    (id) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: { last(name: string): unknown[] | undefined } }).__STORYBOOK_ADDONS_CHANNEL__;
      const finished = channel?.last('storyFinished')?.[0] as { storyId?: string } | undefined;
      return finished?.storyId === id || Boolean(channel?.last('storyMissing'));
    },
    story.id,
    { timeout: 20_000 },
  );
  const outcome: Outcome = await page.evaluate(() => {
    const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { last(name: string): unknown[] | undefined } }).__STORYBOOK_ADDONS_CHANNEL__;
    const errors: string[] = [];
    for (const name of ['playFunctionThrewException', 'unhandledErrorsWhilePlaying', 'storyThrewException', 'storyErrored', 'storyMissing']) {
      const args = channel.last(name);
      if (args) errors.push(`${name}: ${JSON.stringify(args[0]).slice(0, 500)}`);
    }
    return { finished: channel.last('storyFinished')?.[0] as Outcome['finished'], errors };
  });
  assert.deepEqual(outcome.errors, [], 'Storybook reports no failure (render, play function, unhandled errors)');
  assert.equal(outcome.finished?.status, 'success', 'the story and its play function completed');

  const ready = await page.evaluate(() => (window as unknown as { __storyReady: { ready?: string } }).__storyReady.ready);
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

describe('every story of the built Storybook', { concurrency: PAGES }, () => {
  before(async () => {
    // axe-core from a URL rather than inline, so that the browser caches it and its compiled code.
    server = await serveDirectory(STATIC, { '/__e2e/axe.min.js': join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
    browser = await launch();
    // Every story at the narrowest width the panel supports: nothing may overflow or clip.
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (let i = 0; i < PAGES; i++) idle.push(await newPage());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

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
