/**
 * npm run bench: size, load, render, memory and actions of the built bundle, in headless
 * Chromium, printed as a table and written to test-results/bench.json. With the peers
 * installed (test/bench/peers, `npm run bench -- --peers`), what a page downloads for the
 * alternatives' billing UI, measured the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Browser, Page } from 'playwright';
import { launch } from '../e2e/browser.js';
import { startE2EServers } from '../e2e/servers.js';
import { startFakeBillingServer } from '../../src/testing/fake-api/node.js';
// @ts-expect-error -- a plain ES module shared with scripts/build.mjs
import { attribute } from '../../scripts/size-attribution.mjs';
import { createRemoteScenario } from '../../src/testing/fake-api/remote.js';
import { BUDGET_GZIP, GOAL_GZIP, kb, ourSizes } from './size.js';
import { peerSizes, type PeerSize } from './peers.js';
import { describeHeapDelta, heapDelta, takeHeapSnapshot } from './heap.js';

const LATENCY_MS = 100;
/** Rounds of each interleaved comparison (the issue asks for medians of at least 15). */
const LOAD_RUNS = 15;
const RENDER_RUNS = 21;
/** Actions: clicks in a row. */
const RUNS = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  credentials?: RequestCredentials;
  cache?: RequestCache;
  redirect?: RequestRedirect;
  at: [number, number];
}
type BenchWindow = Window & {
  benchPanelLoad(args: { baseUrl: string; token: string }): Promise<{ ms: number; requests: Recorded[] }>;
  benchFloorLoad(requests: Recorded[]): Promise<{ ms: number }>;
  benchRenderPanel(token: string): Promise<number>;
  benchRenderFloor(markup: string): Promise<number>;
  benchStaticMarkup(root: Element): string;
  benchToken(): string;
  stubWith(d: unknown, options?: { inHand?: boolean }): void;
  bigAccount(changed?: boolean): Record<string, unknown>;
};

/** A page of the bench in a browser context of its own: its own connections and CORS preflight cache. */
async function freshPage<T>(browser: Browser, origin: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/bench.html`);
    await page.waitForFunction(() => customElements.get('billing-panel'));
    return await run(page);
  } finally {
    await context.close();
  }
}

/** Cold (fresh context: preflights) then warm (same page again: preflights cached) loads of a panel. */
function panelLoads(browser: Browser, origin: string, args: { baseUrl: string; token: string }) {
  return freshPage(browser, origin, async (page) => {
    const cold = await page.evaluate((a) => (window as unknown as BenchWindow).benchPanelLoad(a), args);
    const warm = await page.evaluate((a) => (window as unknown as BenchWindow).benchPanelLoad(a), args);
    return { cold, warm };
  });
}

/** The same, for the floor: the requests the panel made, and nothing else. */
function floorLoads(browser: Browser, origin: string, requests: Recorded[]) {
  return freshPage(browser, origin, async (page) => {
    const cold = await page.evaluate((r) => (window as unknown as BenchWindow).benchFloorLoad(r), requests);
    const warm = await page.evaluate((r) => (window as unknown as BenchWindow).benchFloorLoad(r), requests);
    // Not a floor: the same requests with `cache: 'default'`, which lets Chromium use its
    // preflight cache (it skips it for 'no-store'); the second such load is the cached one.
    const cacheable = requests.map((r) => ({ ...r, cache: 'default' as RequestCache }));
    await page.evaluate((r) => (window as unknown as BenchWindow).benchFloorLoad(r), cacheable);
    const warmCacheable = await page.evaluate((r) => (window as unknown as BenchWindow).benchFloorLoad(r), cacheable);
    return { cold, warm, warmCacheable };
  });
}

const signature = (requests: Recorded[]) =>
  requests
    .map((r) => `${r.method} ${r.url} ${JSON.stringify(Object.entries(r.headers).sort())}`)
    .sort()
    .join('\n');

/**
 * Load: the panel (append → `billing-loaded`) against the floor (the same requests, made
 * bare, bodies parsed), cold and warm, interleaved: each round runs both, in alternating
 * order, each in a fresh browser context. The floor's requests are the ones the panel made
 * in a first, discarded round, and every later panel round is checked to make the same.
 */
async function loadBench(browser: Browser, origin: string, api: string) {
  const s = await createRemoteScenario(api, 'active-usd', { latencyMs: LATENCY_MS });
  const args = { baseUrl: s.baseUrl, token: s.token };
  const first = await panelLoads(browser, origin, args);
  const requests = first.cold.requests;
  const expected = signature(requests);
  await s.clearLog();
  const panel = { cold: [] as number[], warm: [] as number[], afterLastCold: [] as number[], afterLastWarm: [] as number[], firstLeaves: [] as number[] };
  const floor = { cold: [] as number[], warm: [] as number[], warmCacheable: [] as number[] };
  let mismatches = 0;
  for (let i = 0; i < LOAD_RUNS; i++) {
    const runPanel = async () => {
      const { cold, warm } = await panelLoads(browser, origin, args);
      if (signature(cold.requests) !== expected || signature(warm.requests) !== expected) mismatches++;
      panel.cold.push(cold.ms);
      panel.warm.push(warm.ms);
      const afterLast = (run: typeof cold) => run.ms - Math.max(...run.requests.map((r) => r.at[1]));
      panel.afterLastCold.push(afterLast(cold));
      panel.afterLastWarm.push(afterLast(warm));
      for (const run of [cold, warm]) panel.firstLeaves.push(Math.min(...run.requests.map((r) => r.at[0])));
    };
    const runFloor = async () => {
      const { cold, warm, warmCacheable } = await floorLoads(browser, origin, requests);
      floor.cold.push(cold.ms);
      floor.warm.push(warm.ms);
      floor.warmCacheable.push(warmCacheable.ms);
    };
    if (i % 2) {
      await runPanel();
      await runFloor();
    } else {
      await runFloor();
      await runPanel();
    }
  }
  const log = await s.log();
  const preflights = log.filter((e) => e.operation === 'preflight').length;
  const figure = (ours: number[], floors: number[]) => ({
    medianMs: round(median(ours)),
    floorMedianMs: round(median(floors)),
    ratio: round(median(ours) / median(floors), 2),
    // Each round's panel over the same round's floor (measured moments apart on a shared machine).
    pairedRatio: round(median(ours.map((ms, i) => ms / floors[i]!)), 2),
    minMs: round(Math.min(...ours)),
    maxMs: round(Math.max(...ours)),
  });
  const paths = requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/^\/s\/[^/]+/, '')}`);
  return {
    latencyMs: LATENCY_MS,
    runs: LOAD_RUNS,
    requests: paths,
    duplicates: paths.length - new Set(paths).size,
    mismatchedRounds: mismatches,
    // Every round: panel cold + warm, floor cold + warm (no-store), floor twice cache: 'default'.
    // With the preflight cache skipped for no-store, 4 loads preflight every request.
    preflights: { total: preflights, loads: 6 * LOAD_RUNS, requestsPerLoad: requests.length },
    floorWarmCacheableMedianMs: round(median(floor.warmCacheable)),
    cold: figure(panel.cold, floor.cold),
    warm: figure(panel.warm, floor.warm),
    firstRequestLeavesMedianMs: round(median(panel.firstLeaves)),
    afterLastAnswerMs: { cold: round(median(panel.afterLastCold)), warm: round(median(panel.afterLastWarm)) },
  };
}

/**
 * Render: the big account answered at once (data in hand) → `billing-loaded` and laid out,
 * against the floor: the same final DOM (the panel's, serialized with its declarative shadow
 * roots and adopted styles as <style>) inserted as static markup and laid out. Interleaved.
 */
async function renderBench(page: Page, origin: string) {
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  return page.evaluate(async (runs) => {
    const w = window as unknown as BenchWindow;
    w.stubWith(w.bigAccount(), { inHand: true });
    const token = w.benchToken();
    const count = (root: Element | ShadowRoot): number =>
      Array.from(root.querySelectorAll('*')).reduce((n, el) => n + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
    for (let i = 0; i < 3; i++) await w.benchRenderPanel(token); // warm-up: compiled code, caches
    const markup = w.benchStaticMarkup(document.querySelector('billing-panel')!);
    const panelNodes = count(document.querySelector('#host')!);
    await w.benchRenderFloor(markup);
    const floorNodes = count(document.querySelector('#host')!);
    const times: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2) {
        times.push(await w.benchRenderPanel(token));
        floors.push(await w.benchRenderFloor(markup));
      } else {
        floors.push(await w.benchRenderFloor(markup));
        times.push(await w.benchRenderPanel(token));
      }
    }
    await w.benchRenderPanel(token);
    const last = document.querySelector('billing-panel') as HTMLElement & { reload(): void };
    // An update: one subscription changes status; count what the DOM had to change.
    w.stubWith(w.bigAccount(true), { inHand: true });
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
    return { times, floors, updateMs, mutated, nodes: panelNodes, floorNodes, markupBytes: markup.length };
  }, RENDER_RUNS);
}

async function memoryBench(page: Page, origin: string) {
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => customElements.get('billing-panel'));
  type MemoryWindow = Window & {
    stubWith(d: unknown): void;
    bigAccount(): Record<string, unknown>;
    benchToken(): string;
    bench: { timers: Set<number>; listeners: number; record: boolean };
    memoryCycles(n: number): Promise<void>;
  };
  await page.evaluate(() => {
    const w = window as unknown as MemoryWindow;
    w.bench.record = false;
    w.stubWith(w.bigAccount());
    const token = w.benchToken();
    w.memoryCycles = async (n) => {
      for (let i = 0; i < n; i++) {
        const panel = document.createElement('billing-panel') as HTMLElement & { baseUrl: string; token: string };
        panel.baseUrl = 'https://bench.invalid';
        panel.token = token;
        const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
        document.querySelector('#host')!.append(panel);
        await loaded;
        panel.remove();
      }
    };
  });
  const cycles = (n: number) => page.evaluate((count) => (window as unknown as MemoryWindow).memoryCycles(count), n);
  const cdp = await page.context().newCDPSession(page);
  // V8's low-memory collection (rounds until nothing more is freed), the one a heap snapshot
  // starts with; the lowest of three, each after a task (one reading was 750 KB high once).
  const heap = async () => {
    const readings: number[] = [];
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      readings.push(await page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize)))));
    }
    return Math.min(...readings);
  };
  const counts = () => page.evaluate(() => ({ timers: (window as unknown as MemoryWindow).bench.timers.size, listeners: (window as unknown as MemoryWindow).bench.listeners }));
  await cycles(10);
  const listenersAfter10 = (await counts()).listeners;
  const after10 = await heap();
  await cycles(190);
  const after200 = await heap();
  const snapshot200 = await takeHeapSnapshot(cdp);
  // 200 more: a leak keeps growing; warm-up does not. V8 is still optimizing then: its
  // compiled code and their dependency lists grew 20–35 KB per 200 cycles up to ~800 cycles
  // on this change's machine, then stayed within ±6 KB. The snapshots tell the page's
  // objects (a leak) from the engine's.
  await cycles(200);
  const after400 = await heap();
  const delta = heapDelta(snapshot200, await takeHeapSnapshot(cdp));
  const left = await counts();
  return {
    after10,
    after200,
    after400,
    growth: after200 - after10,
    growthNext200: after400 - after200,
    timersLeft: left.timers,
    listenersGrowth: left.listeners - listenersAfter10,
    snapshots: delta,
  };
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
// The API on its own origin, with the scenario's latency on CORS preflights too (a preflight
// is a round trip like any other), for the load figures.
const api = await startFakeBillingServer({ preflightLatency: true });
const browser = await launch();
try {
  const sizes = ourSizes();
  const parts = (attribute('dist/billing-panel.js') as Array<{ part: string; raw: number; gzip: number }>).map((p) => ({
    part: p.part,
    rawKb: round(p.raw / 1024),
    gzipKb: round(p.gzip / 1024),
  }));
  const peers: PeerSize[] = withPeers ? await peerSizes() : [];
  const load = await loadBench(browser, servers.pageOrigin, api.origin);
  const render = await renderBench(await browser.newPage(), servers.pageOrigin);
  const memory = await memoryBench(await browser.newPage(), servers.pageOrigin);
  const actions = await actionsBench(await browser.newPage(), servers.pageOrigin);
  const [bundle] = sizes;
  const renderMedian = median(render.times);
  const renderFloor = median(render.floors);
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: browser.version() },
    size: {
      budgetGzip: BUDGET_GZIP,
      goalGzip: GOAL_GZIP,
      ratioToGoal: round(bundle!.gzip / GOAL_GZIP, 2),
      files: sizes,
      parts,
      peers: peers.map((p) => ({ ...p, ratioGzip: round(p.gzip / bundle!.gzip, 1) })),
    },
    load,
    render: {
      runs: RENDER_RUNS,
      medianMs: round(renderMedian),
      floorMedianMs: round(renderFloor),
      ratio: round(renderMedian / renderFloor, 2),
      pairedRatio: round(median(render.times.map((ms, i) => ms / render.floors[i]!)), 2),
      minMs: round(Math.min(...render.times)),
      maxMs: round(Math.max(...render.times)),
      nodes: render.nodes,
      floorNodes: render.floorNodes,
      floorMarkupKb: round(render.markupBytes / 1024),
      updateMs: round(render.updateMs),
      updateMutations: render.mutated,
    },
    memory: {
      ...memory,
      growthKb: round(memory.growth / 1024),
      growthNext200Kb: round(memory.growthNext200 / 1024),
      retainedJsObjectsPerCycle: round(memory.snapshots.retained.js.objects / 200, 2),
      snapshots: { ...memory.snapshots, jsByLabel: memory.snapshots.jsByLabel.slice(0, 20) },
    },
    actions: {
      clickToPostMedianMs: round(median(actions.toPost), 2),
      answerToUpdateMedianMs: round(median(actions.toUpdate)),
    },
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench.json', JSON.stringify(results, null, 2));

  const verdict = (ratio: number, goal: number, must: number) => (ratio <= goal ? 'goal met' : ratio <= must ? `above goal ${goal}×, within ${must}×` : `OVER ${must}×`);
  const loadRow = (name: string, f: typeof load.cold): [string, string] => [
    name,
    `${f.ratio}× — panel median ${f.medianMs} ms (min ${f.minMs}, max ${f.maxMs}) / floor median ${f.floorMedianMs} ms (median of rounds' ratios ${f.pairedRatio}×): ${verdict(f.ratio, 1.1, 1.3)}`,
  ];
  const rows: Array<[string, string]> = [
    ...sizes.map((s): [string, string] => [`size ${s.file}`, `${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`]),
    ['size budget', `${results.size.ratioToGoal}× the goal — ${kb(bundle!.gzip)} gzip / goal ${kb(GOAL_GZIP)} (budget ${kb(BUDGET_GZIP)})`],
    ...results.size.peers.map((p): [string, string] => [
      `peer ${p.name}`,
      `${kb(p.gzip)} gzip, ${kb(p.brotli)} brotli at start (${kb(p.totalGzip)} gzip with lazy chunks) — ${p.ratioGzip}× ours`,
    ]),
    ['load requests', `${load.requests.join(', ')} (duplicates ${load.duplicates}; rounds that asked otherwise: ${load.mismatchedRounds}); ${load.preflights.total} preflights over ${load.preflights.loads} loads of ${load.preflights.requestsPerLoad} requests`],
    loadRow(`load cold (${LATENCY_MS} ms latency, preflights too)`, load.cold),
    loadRow('load warm (same page, second panel)', load.warm),
    ['load, preflights cached', `not measurable for the panel: its requests are cache: 'no-store', for which Chromium skips its preflight cache; the floor's requests with cache: 'default' take ${load.floorWarmCacheableMedianMs} ms warm (median)`],
    ['load detail', `first request leaves ${load.firstRequestLeavesMedianMs} ms after append; billing-loaded ${load.afterLastAnswerMs.cold} ms (cold) / ${load.afterLastAnswerMs.warm} ms (warm) after the last answer's headers (medians)`],
    [
      'render (50 subs, 200 features, 20 plans)',
      `${results.render.ratio}× — panel median ${results.render.medianMs} ms (min ${results.render.minMs}, max ${results.render.maxMs}) / static-markup floor median ${results.render.floorMedianMs} ms (median of rounds' ratios ${results.render.pairedRatio}×): ${verdict(results.render.ratio, 1.5, 2)}; absolute ${results.render.medianMs <= 50 ? 'within' : 'above'} goal 50 ms`,
    ],
    ['render detail', `${render.nodes} elements (floor ${render.floorNodes}), ${RENDER_RUNS} interleaved rounds`],
    ['update (one subscription changed)', `${results.render.updateMs} ms, ${render.mutated} DOM mutations of ${render.nodes} nodes`],
    ['memory (200 → 400 cycles; floor 0)', `${results.memory.growthNext200Kb} KB heap growth over the 200 after warm-up (warm-up 10 → 200: ${results.memory.growthKb} KB); ${memory.timersLeft} timers and ${memory.listenersGrowth} window listeners left`],
    ['memory, what grew (snapshots)', describeHeapDelta(memory.snapshots, 200)],
    ['actions', `click → POST ${results.actions.clickToPostMedianMs} ms; answer → panel updated ${results.actions.answerToUpdateMedianMs} ms (median of ${RUNS})`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbilling-panel bench — ${results.machine.cpu} ×${results.machine.cpus}, Node ${process.version}, Chromium ${browser.version()}\n`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log(`\ndist/billing-panel.js by part (minified; gzip: saved if removed)`);
  for (const p of parts) console.log(`  ${p.part.padEnd(28)} ${`${p.rawKb.toFixed(1)} KB`.padStart(9)} ${`${p.gzipKb.toFixed(1)} KB`.padStart(9)}`);
  console.log('\nwritten: test-results/bench.json');
  if (bundle!.gzip > BUDGET_GZIP) {
    console.error(`dist/billing-panel.js is over budget: ${kb(bundle!.gzip)} gzip > ${kb(BUDGET_GZIP)}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await api.close();
  await servers.close();
}
