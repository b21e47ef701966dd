/**
 * The drop-in bundle on real pages of another origin than the billing service: under a
 * strict CSP with Trusted Types, in a React 19 app, loaded twice, and under hostile CSS.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { launch, watch } from './browser.js';
import { startE2EServers, type E2EServers } from './servers.js';
import { createRemoteScenario } from '../../src/testing/fake-api/remote.js';

let servers: E2EServers;
let browser: Browser;

before(async () => {
  await build({
    entryPoints: ['test/e2e/pages/react-app.jsx'],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: 'test-results/react-app.js',
    logLevel: 'silent',
  });
  servers = await startE2EServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function open(pageName: string, dataset: Parameters<typeof createRemoteScenario>[1], extra: Record<string, string> = {}, before?: (page: Page) => Promise<unknown>) {
  const s = await createRemoteScenario(servers.api.origin, dataset);
  const context = await browser.newContext();
  const page = await context.newPage();
  await before?.(page);
  const problems = watch(page);
  const config = { base: s.baseUrl, token: s.token, hosts: new URL(s.baseUrl).host, ...extra };
  const hash = pageName === 'react.html' ? new URLSearchParams({ config: JSON.stringify(config) }) : new URLSearchParams(config);
  await page.goto(`${servers.pageOrigin}/${pageName}#${hash}`);
  return { s, page, problems, close: () => context.close() };
}

/** The operations of the `billing-error` events the page's panels fired (boot.js records them). */
const billingErrors = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { e2eEvents: Array<{ type: string; detail: { operation: string } }> }).e2eEvents.filter((e) => e.type === 'billing-error').map((e) => e.detail.operation),
  );

const pageState = (page: Page) =>
  page.evaluate(() => ({
    csp: (window as unknown as { cspViolations: string[] }).cspViolations,
    errors: (window as unknown as { pageErrors: string[] }).pageErrors,
  }));

describe('the drop-in bundle on real pages', () => {
  it('is one self-contained module, with other languages and the on-demand flows in separate chunks', () => {
    const bundle = readFileSync('dist/billing-panel.js', 'utf8');
    assert.doesNotMatch(bundle, /\bimport\s*[{*\w][^;]*?from\s*["'][^./]/, 'no bare imports');
    assert.doesNotMatch(bundle, /^import\s/m, 'no static imports of other chunks');
    assert.ok(!bundle.includes('サブスクリプション'), 'Japanese is not in the English bundle');
    const chunks = readdirSync('dist/locales').filter((name) => name.endsWith('.js'));
    assert.deepEqual(chunks.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort(), ['ja', 'th', 'zh', 'zh-Hant']);
    for (const chunk of chunks) assert.doesNotMatch(readFileSync(`dist/locales/${chunk}`, 'utf8'), /\bimport\b/, `${chunk} imports nothing`);
    const onDemand = readdirSync('dist/chunks').filter((name) => name.endsWith('.js'));
    assert.deepEqual(onDemand.map((name) => name.replace(/-[\w-]{8}\.js$/, '')), ['on-demand']);
    assert.doesNotMatch(readFileSync(`dist/chunks/${onDemand[0]}`, 'utf8'), /\bimport\s*[{*\w]/, 'the on-demand chunk imports nothing');
    assert.ok(!bundle.includes('Confirm cancellation'), 'the dialogs are not in the bundle');
    assert.ok(!bundle.includes('files.stripe.com'), 'the redirect policy is not in the bundle');
    assert.ok(!bundle.includes('Download PDF of invoice'), 'the invoice rows are not in the bundle');
  });

  it('works under a strict CSP with Trusted Types: loads, subscribes, opens a dialog, switches language — zero violations', async () => {
    const { s, page, problems, close } = await open('strict-csp.html', 'active-usd', { prevent: '1' });
    await page.getByText('$29.00 per month').first().waitFor();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByRole('button', { name: 'Keep subscription' }).click();
    await page.getByRole('button', { name: 'Switch to Starter' }).click();
    // The dialogs' chunk and Stripe's priced preview, under the same CSP.
    await page.getByText('is credited to your balance').waitFor();
    await page.getByRole('button', { name: 'Confirm switch' }).click();
    await page.getByText('$9.00 per month').first().waitFor();
    await page.evaluate(() => document.querySelector('billing-panel')!.setAttribute('locale', 'ja'));
    await page.getByText('サブスクリプション').first().waitFor();
    await page.evaluate(() => document.querySelector('billing-panel')!.setAttribute('locale', 'zh-TW'));
    await page.getByText('訂閱').first().waitFor();
    const lang = await page.evaluate(() => document.querySelector('billing-panel')!.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang'));
    assert.equal(lang, 'zh-TW');
    const { csp, errors } = await pageState(page);
    assert.deepEqual(csp, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
    assert.equal((await s.requests('changeSubscription')).length, 1);
    await close();
  });

  it('says so next to the control when the dialogs cannot load, and opens them on the next click', async () => {
    const { s, page, close } = await open('strict-csp.html', 'active-usd', { prevent: '1' }, (p) => p.route('**/chunks/**', (route) => route.abort()));
    await page.getByText('$29.00 per month').first().waitFor();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    // Nothing was attempted: not "Could not cancel the subscription."
    await page.locator('billing-subscriptions').getByText('Part of the billing panel could not be loaded. Check your connection and try again.').waitFor();
    assert.ok((await billingErrors(page)).includes('openDialog'));
    await page.unroute('**/chunks/**');
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText(/Cancels on/).waitFor();
    assert.equal((await s.requests('cancelSubscription')).length, 1);
    await close();
  });

  it('says so when the on-demand chunk cannot load (invoice rows, an action that leaves for Stripe) and works once it can', async () => {
    const { s, page, close } = await open('strict-csp.html', 'active-usd', { prevent: '1' }, (p) => p.route('**/chunks/**', (route) => route.abort()));
    const invoices = page.locator('billing-invoices');
    await invoices.getByText('Could not load invoices. Part of the billing panel could not be loaded. Check your connection and try again.').waitFor();
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.getByRole('alert').filter({ hasNotText: 'Could not load invoices.' }).getByText('Part of the billing panel could not be loaded. Check your connection and try again.').waitFor();
    assert.deepEqual((await billingErrors(page)).sort(), ['createPortalSession', 'listInvoices']);
    assert.equal((await s.requests('createPortalSession')).length, 0, 'nothing is sent without the steps');
    await page.unroute('**/chunks/**');
    await invoices.getByRole('button', { name: 'Try again' }).click();
    await invoices.getByRole('link', { name: /^Download PDF of invoice/ }).first().waitFor();
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForFunction(() => (window as unknown as { e2eEvents: Array<{ type: string }> }).e2eEvents.some((e) => e.type === 'billing-redirect'));
    assert.equal((await s.requests('createPortalSession')).length, 1);
    await close();
  });

  it('resolves a deep link false with billing-error when the on-demand chunk cannot load, and opens it once it can', async () => {
    const { page, close } = await open('strict-csp.html', 'active-usd', { prevent: '1' }, (p) => p.route('**/chunks/**', (route) => route.abort()));
    await page.getByText('$29.00 per month').first().waitFor();
    const openCancel = () => page.evaluate(() => (document.querySelector('billing-panel') as unknown as { openCancel(id: string): Promise<boolean> }).openCancel('sub_active_usd'));
    assert.equal(await openCancel(), false);
    assert.ok((await billingErrors(page)).includes('deepLink'));
    assert.equal(await page.getByRole('dialog').count(), 0);
    await page.unroute('**/chunks/**');
    assert.equal(await openCancel(), true);
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm cancellation' }).waitFor();
    await close();
  });

  it('keeps the return from Checkout in the address when the on-demand chunk cannot load, and says so', async () => {
    const { s, page, close } = await open('strict-csp.html?checkout_session_id=cs_test_return', 'active-usd', {}, (p) => p.route('**/chunks/**', (route) => route.abort()));
    await page.getByText('Could not confirm your subscription. Part of the billing panel could not be loaded. Check your connection and try again.').waitFor();
    assert.ok((await billingErrors(page)).includes('syncCheckoutSession'));
    assert.equal((await s.requests('syncCheckoutSession')).length, 0, 'nothing was attempted');
    assert.match(new URL(page.url()).search, /checkout_session_id=cs_test_return/, 'a reload can still confirm it');
    await close();
  });

  it('works in a React 19 app: tokenProvider as a property, billing-redirect and billing-changed as events', async () => {
    const { s, page, problems, close } = await open('react.html', 'active-usd');
    await page.getByText('$29.00 per month').first().waitFor();
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.getByText('Last event: billing-redirect portal').waitFor();
    await page.getByRole('button', { name: 'Sync with Stripe' }).click();
    await page.getByText('Last event: billing-changed sync').waitFor();
    const events = await page.evaluate(() => (window as unknown as { reactEvents: Array<{ type: string }> }).reactEvents.map((e) => e.type));
    assert.deepEqual(events, ['billing-redirect', 'billing-changed']);
    const auth = (await s.requests('listSubscriptions'))[0]!.headers['authorization'];
    assert.equal(auth, `Bearer ${s.token}`, 'the token came from tokenProvider');
    assert.deepEqual(problems, []);
    await close();
  });

  it('sends no request when the React parent re-renders 20 times with an inline tokenProvider', async () => {
    const { s, page, problems, close } = await open('react.html', 'active-usd');
    await page.getByText('$29.00 per month').first().waitFor();
    const before = (await s.requests()).length;
    assert.equal(before, 5);
    for (let render = 1; render <= 20; render++) {
      await page.getByRole('button', { name: 'Re-render the page' }).click();
      await page.getByText(`Renders: ${render}`).waitFor();
    }
    // One more round trip through the page: whatever the re-renders started has been sent.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal((await s.requests()).length, before);
    assert.deepEqual(problems, []);
    await close();
  });

  it('throws nothing when the bundle is loaded twice, and still works', async () => {
    const { s, page, problems, close } = await open('twice.html', 'trialing-jpy');
    await page.getByText('¥15,000 per year').first().waitFor();
    const { errors } = await pageState(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
    assert.equal((await s.requests()).length, 5);
    await close();
  });

  it('keeps working under hostile global CSS', async () => {
    const { s, page, close } = await open('hostile-css.html', 'active-usd', { prevent: '1' });
    const cancel = page.getByRole('button', { name: 'Cancel subscription' });
    await cancel.waitFor();
    assert.ok(await cancel.isVisible());
    await cancel.click();
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText(/Cancels on/).waitFor();
    assert.equal((await s.requests('cancelSubscription')).length, 1);
    await close();
  });
});
