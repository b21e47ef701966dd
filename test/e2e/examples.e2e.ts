/**
 * The framework examples (examples/*): each a minimal real app, installed from its own
 * lockfile with the packed package (as a team would), typechecked strict, built with its
 * framework's own tooling, then driven in headless Chromium against the fake billing service
 * on another origin: it renders, the token comes from tokenProvider, billing-redirect and
 * billing-changed reach the app, ~20 parent re-renders cause no refetch, and unmounting is clean.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launch, watch } from './browser.js';
import { createRemoteScenario, serveStatic, startFakeService, type RemoteScenario, type StaticSite } from './example-servers.js';

/**
 * The examples whose "no refetch on parent re-render" check fails today only because the panel
 * reloads on a new tokenProvider identity (fixed by the session rewrite): their check still runs
 * and is reported as a todo. Once that lands, empty this list (one line) and they must pass.
 */
const AWAITING_SESSION_REWRITE: string[] = [];

interface Example {
  dir: string;
  title: string;
  /** The production build's folder, relative to the example. */
  out: string;
}
const ALL_EXAMPLES: Example[] = [
  { dir: 'html', title: 'plain HTML', out: 'dist' },
  { dir: 'react18', title: 'React 18 (billing-panel/react)', out: 'dist' },
  { dir: 'react19', title: 'React 19', out: 'dist' },
  { dir: 'preact', title: 'Preact', out: 'dist' },
  { dir: 'vue', title: 'Vue 3', out: 'dist' },
  { dir: 'svelte', title: 'Svelte 5', out: 'dist' },
  { dir: 'angular', title: 'Angular', out: 'dist/angular-example/browser' },
];
// EXAMPLES=react19,vue npm run test:e2e runs only those (while working on them).
const only = process.env.EXAMPLES?.split(',');
const EXAMPLES = only ? ALL_EXAMPLES.filter((example) => only.includes(example.dir)) : ALL_EXAMPLES;
const RERENDERS = 20;
const ROOT = process.cwd();
const exampleDir = (example: Example) => join(ROOT, 'examples', example.dir);

/** Runs npm; on a busy 2-core machine an install or an Angular build can take minutes. */
function run(cwd: string, args: string[], timeout = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('npm', args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', NG_CLI_ANALYTICS: 'false' } }, (error, stdout, stderr) => {
      const how = error?.killed ? `was stopped after ${timeout / 1000} s` : `failed (${error?.code ?? error?.signal})`;
      if (error) reject(new Error(`npm ${args.join(' ')} in ${cwd} ${how}:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`));
      else resolve();
    });
  });
}

/** At most `width` commands at a time (installs wait on the network, the rest on the CPU). */
function limiter(width: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

interface Steps {
  install: Promise<void>;
  typecheck: Promise<void>;
  build: Promise<void>;
}

let api: Awaited<ReturnType<typeof startFakeService>>;
let browser: Browser;
let steps: Map<string, Steps>;

before(async () => {
  // The package as a team gets it: npm pack of the built package, at the path the examples' lockfiles name.
  const destination = join(ROOT, 'examples', '.package');
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  await run(ROOT, ['pack', '--silent', '--pack-destination', destination]);
  const { version } = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })).default as { version: string };
  renameSync(join(destination, `billing-panel-${version}.tgz`), join(destination, 'billing-panel.tgz'));
  // Each example: npm ci from its lockfile (offline-first, from the npm cache), then its
  // typecheck and its build, all prepared ahead while the browser checks of the previous
  // examples run; at most three commands at a time. Each step is reported by its own test.
  const limit = limiter(3);
  steps = new Map(
    EXAMPLES.map((example) => {
      const cwd = exampleDir(example);
      const install = limit(() => run(cwd, ['ci', '--no-audit', '--no-fund', '--prefer-offline']));
      const typecheck = install.then(() => limit(() => run(cwd, ['run', 'typecheck'])));
      const build = install.then(() => limit(() => run(cwd, ['run', 'build'])));
      for (const step of [install, typecheck, build]) step.catch(() => undefined); // reported by the tests
      return [example.dir, { install, typecheck, build }];
    }),
  );
  api = await startFakeService();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await api?.close();
});

async function getCount(s: RemoteScenario) {
  return (await s.requests()).filter((entry) => entry.method === 'GET').length;
}

/** Waits until every section shows its data (so the service has answered the five loads). */
async function shown(page: Page) {
  await page.getByText('$29.00 per month').first().waitFor();
  await page.locator('.loading[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

for (const example of EXAMPLES) {
  describe(`example: ${example.title} (examples/${example.dir})`, () => {
    let site: StaticSite | undefined;
    let page: Page;
    let problems: string[];
    let s: RemoteScenario;
    let built = false;
    let opened = false;

    after(async () => {
      await page?.context().close();
      await site?.close();
    });

    it('installs from its own lockfile with the packed package', { timeout: 900_000 }, async () => {
      await steps.get(example.dir)!.install;
    });

    it('typechecks strict (its type tests included)', { timeout: 900_000 }, async () => {
      await steps.get(example.dir)!.typecheck;
    });

    it('builds for production with its own tooling', { timeout: 900_000 }, async () => {
      await steps.get(example.dir)!.build;
      built = true;
    });

    it('renders the panel', { timeout: 60_000 }, async () => {
      assert.ok(built, 'the example did not build');
      site = await serveStatic(join(exampleDir(example), example.out));
      s = await createRemoteScenario(api.origin, 'active-usd');
      const context = await browser.newContext();
      page = await context.newPage();
      problems = watch(page);
      const config = new URLSearchParams({ base: s.baseUrl, token: s.token, hosts: new URL(s.baseUrl).host });
      await page.goto(`${site.origin}/#${config}`);
      await shown(page);
      const operations = (await s.requests()).map((entry) => entry.operation).sort();
      assert.deepEqual(operations, ['getIdentity', 'listFeatures', 'listInvoices', 'listMerchants', 'listSubscriptions']);
      opened = true;
      assert.deepEqual(problems, []);
    });

    it('takes its token from tokenProvider', { timeout: 30_000 }, async () => {
      assert.ok(opened, 'the example did not render');
      assert.equal(await page.locator('billing-panel').getAttribute('token'), null, 'no token attribute');
      const auth = (await s.requests('listSubscriptions'))[0]!.headers['authorization'];
      assert.equal(auth, `Bearer ${s.token}`);
    });

    it(
      `fetches nothing more when its parent re-renders ${RERENDERS} times with a new inline tokenProvider`,
      { timeout: 60_000, todo: AWAITING_SESSION_REWRITE.includes(example.dir) ? 'the panel reloads on a new tokenProvider until the session rewrite' : false },
      async () => {
        assert.ok(opened, 'the example did not render');
        const before = await getCount(s);
        for (let i = 0; i < RERENDERS; i++) {
          await page.getByRole('button', { name: 'Re-render' }).click();
          await page.getByText(`Renders: ${i + 2}`, { exact: true }).waitFor();
        }
        // A marker: an explicit reload() loads the five resources once; anything the re-renders
        // started was sent before it.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const panel = document.querySelector('billing-panel')!;
              panel.addEventListener('billing-loaded', () => resolve(), { once: true });
              panel.reload();
            }),
        );
        assert.equal((await getCount(s)) - before, 5, 'only the five GETs of the explicit reload()');
        assert.deepEqual(problems, []);
      },
    );

    it('receives billing-redirect (and can take over the navigation) and billing-changed', { timeout: 30_000 }, async () => {
      assert.ok(opened, 'the example did not render');
      const url = page.url();
      await page.getByRole('button', { name: 'Manage billing' }).click();
      await page.getByText('Last event: billing-redirect portal').waitFor();
      assert.equal(page.url(), url, 'the app prevented the redirect');
      await page.getByRole('button', { name: 'Sync with Stripe' }).click();
      await page.getByText('Last event: billing-changed sync').waitFor();
      assert.deepEqual(problems, []);
    });

    it('unmounts cleanly in the middle of a load, and mounts again', { timeout: 30_000 }, async () => {
      assert.ok(opened, 'the example did not render');
      // reload() starts five GETs; the app's own "Hide billing" removes the panel in the same task.
      await page.evaluate(() => {
        document.querySelector('billing-panel')!.reload();
        [...document.querySelectorAll('button')].find((button) => button.textContent === 'Hide billing')!.click();
      });
      await page.waitForFunction(() => document.querySelector('billing-panel') === null);
      await page.getByRole('button', { name: 'Show billing' }).click();
      await shown(page);
      assert.equal(await page.locator('billing-panel').count(), 1);
      assert.deepEqual(problems, [], 'no error from the aborted loads or the removed panel');
    });
  });
}
