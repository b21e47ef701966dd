/**
 * npm run bench: size, load, render, memory and actions of the built bundle, in headless
 * Chromium, printed as a table and written to test-results/bench.json. With the peers
 * installed (test/bench/peers, `npm run bench -- --peers`), what a page downloads for the
 * alternatives' billing UI, measured the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Page } from 'playwright';
import { launch } from '../e2e/browser.js';
import { startE2EServers } from '../e2e/servers.js';
import { createRemoteScenario } from '../../src/testing/fake-api/remote.js';
import { BUDGET_GZIP, GOAL_GZIP, kb, ourSizes } from './size.js';
import { peerSizes, type PeerSize } from './peers.js';

const LATENCY_MS = 100;
const RUNS = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function loadBench(page: Page, origin: string, api: string) {
  const s = await createRemoteScenario(api, 'active-usd', { latencyMs: LATENCY_MS });
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  const result = await page.evaluate(
    async ({ baseUrl, token }) => {
      const panel = document.createElement('billing-panel') as HTMLElement & { baseUrl: string; token: string };
      panel.baseUrl = baseUrl;
      panel.token = token;
      const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
      const start = performance.now();
      document.querySelector('#host')!.append(panel);
      await loaded;
      const loadedAt = performance.now() - start;
      await new Promise(requestAnimationFrame);
      const bench = (window as unknown as { bench: { requests: Array<{ method: string; path: string; start: number; end: number }>; maxInFlight: number } }).bench;
      return {
        loadedAt,
        ms: performance.now() - start,
        requests: bench.requests.map((r) => `${r.method} ${r.path}`),
        timings: bench.requests.map((r) => [Math.round(r.start - start), Math.round(r.end - start)]),
        maxInFlight: bench.maxInFlight,
      };
    },
    { baseUrl: s.baseUrl, token: s.token },
  );
  const paths = result.requests.map((r) => r.replace(/\/s\/[^/]+/, ''));
  if (process.env['BENCH_DEBUG']) console.log(result.timings, 'loaded at', Math.round(result.loadedAt), 'painted at', Math.round(result.ms));
  return {
    requests: paths.length,
    duplicates: paths.length - new Set(paths).size,
    maxInFlight: result.maxInFlight,
    ms: round(result.ms),
    ratio: round(result.ms / LATENCY_MS, 2),
  };
}

async function renderBench(page: Page, origin: string) {
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  return page.evaluate(async (runs) => {
    const w = window as unknown as { stubWith(d: unknown): void; bigAccount(changed?: boolean): Record<string, unknown> };
    w.stubWith(w.bigAccount());
    const token = (window as unknown as { benchToken(): string }).benchToken();
    const times: number[] = [];
    let last: HTMLElement & { reload(): void } = null!;
    for (let i = 0; i < runs; i++) {
      const panel = document.createElement('billing-panel') as HTMLElement & { baseUrl: string; token: string; reload(): void };
      panel.baseUrl = 'https://bench.invalid';
      panel.token = token;
      const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
      const start = performance.now();
      document.querySelector('#host')!.replaceChildren(panel);
      await loaded;
      await new Promise(requestAnimationFrame);
      await new Promise((resolve) => setTimeout(resolve, 0));
      times.push(performance.now() - start);
      last = panel;
    }
    // An update: one subscription changes status; count what the DOM had to change.
    w.stubWith(w.bigAccount(true));
    let mutated = 0;
    const observer = new MutationObserver((records) => (mutated += records.length));
    const watch = (root: Element | ShadowRoot) => {
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) watch(el.shadowRoot);
    };
    watch(last.shadowRoot!);
    const loaded = new Promise((resolve) => last.addEventListener('billing-loaded', resolve, { once: true }));
    const start = performance.now();
    last.reload();
    await loaded;
    await new Promise(requestAnimationFrame);
    const updateMs = performance.now() - start;
    observer.disconnect();
    const nodes = Array.from(last.shadowRoot!.querySelectorAll('*')).reduce(
      (n, el) => n + 1 + (el.shadowRoot ? el.shadowRoot.querySelectorAll('*').length : 0),
      0,
    );
    return { times, updateMs, mutated, nodes };
  }, RUNS);
}

async function memoryBench(page: Page, origin: string) {
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  return page.evaluate(async () => {
    const w = window as unknown as {
      stubWith(d: unknown): void;
      bigAccount(): Record<string, unknown>;
      gc(): void;
      bench: { timers: Set<number>; listeners: number; record: boolean };
    };
    w.bench.record = false;
    w.stubWith(w.bigAccount());
    const token = (window as unknown as { benchToken(): string }).benchToken();
    const cycle = async () => {
      const panel = document.createElement('billing-panel') as HTMLElement & { baseUrl: string; token: string };
      panel.baseUrl = 'https://bench.invalid';
      panel.token = token;
      const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
      document.querySelector('#host')!.append(panel);
      await loaded;
      panel.remove();
    };
    const heap = async () => {
      for (let i = 0; i < 3; i++) {
        w.gc();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
    };
    for (let i = 0; i < 10; i++) await cycle();
    const listenersAfter10 = w.bench.listeners;
    const after10 = await heap();
    for (let i = 0; i < 190; i++) await cycle();
    const after200 = await heap();
    // 200 more: a leak keeps growing; warm-up (compiled code, caches) does not.
    for (let i = 0; i < 200; i++) await cycle();
    const after400 = await heap();
    return {
      after10,
      after200,
      after400,
      growth: after200 - after10,
      growthNext200: after400 - after200,
      timersLeft: w.bench.timers.size,
      listenersGrowth: w.bench.listeners - listenersAfter10,
    };
  });
}

async function actionsBench(page: Page, origin: string) {
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  return page.evaluate(async (runs) => {
    const w = window as unknown as { stubWith(d: unknown): void; bigAccount(): Record<string, unknown>; bench: { posts: Array<{ start: number; end: number }> } };
    w.stubWith(w.bigAccount());
    const token = (window as unknown as { benchToken(): string }).benchToken();
    const panel = document.createElement('billing-panel') as HTMLElement & { baseUrl: string; token: string };
    panel.baseUrl = 'https://bench.invalid';
    panel.token = token;
    const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
    document.querySelector('#host')!.replaceChildren(panel);
    await loaded;
    const toPost: number[] = [];
    const toUpdate: number[] = [];
    for (let i = 0; i < runs; i++) {
      const button = Array.from(panel.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === 'Sync with Stripe')!;
      const changed = new Promise((resolve) => panel.addEventListener('billing-changed', resolve, { once: true }));
      const before = w.bench.posts.length;
      const click = performance.now();
      button.click();
      while (w.bench.posts.length === before) await new Promise((resolve) => setTimeout(resolve, 0));
      const post = w.bench.posts[before]!;
      toPost.push(post.start - click);
      await changed;
      await new Promise(requestAnimationFrame);
      toUpdate.push(performance.now() - post.end);
      while (button.disabled) await new Promise(requestAnimationFrame);
    }
    return { toPost, toUpdate };
  }, RUNS);
}

const withPeers = process.argv.includes('--peers');
const servers = await startE2EServers();
const browser = await launch(['--js-flags=--expose-gc']);
try {
  const sizes = ourSizes();
  const peers: PeerSize[] = withPeers ? await peerSizes() : [];
  // Load: the median of 7 fresh pages (one sample is at the mercy of the machine).
  const loads = [];
  for (let i = 0; i < 7; i++) loads.push(await loadBench(await browser.newPage(), servers.pageOrigin, servers.api.origin));
  const byTime = [...loads].sort((a, b) => a.ms - b.ms);
  const load = { ...byTime[3]!, minMs: byTime[0]!.ms, maxMs: byTime[6]!.ms };
  const render = await renderBench(await browser.newPage(), servers.pageOrigin);
  const memory = await memoryBench(await browser.newPage(), servers.pageOrigin);
  const actions = await actionsBench(await browser.newPage(), servers.pageOrigin);
  const [bundle] = sizes;
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: browser.version() },
    size: {
      budgetGzip: BUDGET_GZIP,
      goalGzip: GOAL_GZIP,
      files: sizes,
      peers: peers.map((p) => ({ ...p, ratioGzip: round(p.gzip / bundle!.gzip, 1) })),
    },
    load: { latencyMs: LATENCY_MS, ...load },
    render: {
      runs: RUNS,
      medianMs: round(median(render.times)),
      minMs: round(Math.min(...render.times)),
      maxMs: round(Math.max(...render.times)),
      updateMs: round(render.updateMs),
      updateMutations: render.mutated,
      nodes: render.nodes,
    },
    memory: { ...memory, growthKb: round(memory.growth / 1024), growthNext200Kb: round(memory.growthNext200 / 1024) },
    actions: {
      clickToPostMedianMs: round(median(actions.toPost), 2),
      answerToUpdateMedianMs: round(median(actions.toUpdate)),
    },
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench.json', JSON.stringify(results, null, 2));

  const rows: Array<[string, string]> = [
    ...sizes.map((s): [string, string] => [`size ${s.file}`, `${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`]),
    ['size budget', `${kb(bundle!.gzip)} of ${kb(BUDGET_GZIP)} gzip (goal ${kb(GOAL_GZIP)})`],
    ...results.size.peers.map((p): [string, string] => [
      `peer ${p.name}`,
      `${kb(p.gzip)} gzip, ${kb(p.brotli)} brotli at start (${kb(p.totalGzip)} gzip with lazy chunks) — ${p.ratioGzip}× ours`,
    ]),
    ['load requests', `${load.requests} (duplicates ${load.duplicates}), at most ${load.maxInFlight} in flight`],
    ['load time', `median ${load.ms} ms (min ${load.minMs}, max ${load.maxMs}) with ${LATENCY_MS} ms latency: ${load.ratio}× one request`],
    ['render (50 subs, 200 features, 20 plans)', `median ${results.render.medianMs} ms (min ${results.render.minMs}, max ${results.render.maxMs}) over ${RUNS} runs`],
    ['update (one subscription changed)', `${results.render.updateMs} ms, ${render.mutated} DOM mutations of ${render.nodes} nodes`],
    ['memory (200 vs 10 cycles)', `${results.memory.growthKb} KB heap growth (then ${results.memory.growthNext200Kb} KB over 200 more); ${memory.timersLeft} timers and ${memory.listenersGrowth} window listeners left`],
    ['actions', `click → POST ${results.actions.clickToPostMedianMs} ms; answer → panel updated ${results.actions.answerToUpdateMedianMs} ms (median)`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbilling-panel bench — ${results.machine.cpu} ×${results.machine.cpus}, Node ${process.version}, Chromium ${browser.version()}\n`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log('\nwritten: test-results/bench.json');
  if (bundle!.gzip > BUDGET_GZIP) {
    console.error(`dist/billing-panel.js is over budget: ${kb(bundle!.gzip)} gzip > ${kb(BUDGET_GZIP)}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await servers.close();
}
