/**
 * The whole owner round trip on real pages: the built bundle on one origin, the fake
 * billing service (and its fake Stripe pages) on another. Subscribe → Stripe Checkout →
 * Pay → back on the page → the return is synced → the subscription is active.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright';
import { launch, watch } from './browser.js';
import { startE2EServers, type E2EServers } from './servers.js';
import { createRemoteScenario } from '../../src/testing/fake-api/remote.js';

let servers: E2EServers;
let browser: Browser;

before(async () => {
  servers = await startE2EServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function openPage(dataset: Parameters<typeof createRemoteScenario>[1], page = 'plain.html') {
  const s = await createRemoteScenario(servers.api.origin, dataset);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = watch(tab);
  const hash = new URLSearchParams({ base: s.baseUrl, token: s.token, hosts: new URL(s.baseUrl).host });
  await tab.goto(`${servers.pageOrigin}/${page}#${hash}`);
  return { s, tab, problems, context };
}

describe('owner round trip on a real page (cross-origin)', () => {
  it('subscribes through the fake Stripe Checkout and comes back to an active subscription', async () => {
    const { s, tab, problems, context } = await openPage('new-account');
    await tab.getByText('No subscriptions yet').waitFor();
    await tab.getByRole('button', { name: 'Subscribe to Pro' }).click();
    await tab.waitForURL(/\/fake-stripe\/checkout\//);
    assert.ok(tab.url().startsWith(servers.api.origin), 'on the Stripe (fake) page');
    await tab.getByRole('button', { name: 'Pay and subscribe' }).click();
    await tab.waitForURL((url) => url.origin === servers.pageOrigin);
    await tab.getByText('Your subscription is active').waitFor();
    assert.equal(new URL(tab.url()).search, '', 'checkout_session_id removed from the address');
    await tab.getByText('$29.00 per month').first().waitFor();
    const syncs = (await s.requests('syncCheckoutSession')).map((r) => r.body);
    assert.equal(syncs.length, 1);
    const checkout = (await s.requests('createCheckoutSession'))[0]!;
    assert.equal((checkout.body as { success_url: string }).success_url, `${servers.pageOrigin}/plain.html?checkout_session_id={CHECKOUT_SESSION_ID}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('goes back from Checkout without changing anything', async () => {
    const { s, tab, context } = await openPage('new-account');
    await tab.getByRole('button', { name: 'Subscribe to Starter' }).click();
    await tab.waitForURL(/\/fake-stripe\/checkout\//);
    await tab.getByRole('link', { name: '← Back' }).click();
    await tab.waitForURL((url) => url.origin === servers.pageOrigin);
    await tab.getByText('No subscriptions yet').waitFor();
    assert.equal((await s.requests('syncCheckoutSession')).length, 0);
    await context.close();
  });

  it('opens the Customer Portal and returns', async () => {
    const { tab, context } = await openPage('active-usd');
    await tab.getByRole('button', { name: 'Manage billing' }).click();
    await tab.waitForURL(/\/fake-stripe\/portal\//);
    await tab.getByRole('link', { name: 'Return to the site' }).click();
    await tab.waitForURL((url) => url.origin === servers.pageOrigin);
    await tab.getByRole('button', { name: 'Manage billing' }).waitFor();
    await context.close();
  });

  it('changes interval, pays the difference, cancels at period end and resumes', async () => {
    const { s, tab, context } = await openPage('active-usd');
    await tab.getByRole('button', { name: 'Switch to yearly billing' }).click();
    await tab.getByText('Due today: $265.83').waitFor();
    await tab.getByRole('button', { name: 'Confirm switch' }).click();
    await tab.waitForURL(/\/fake-stripe\/invoice\//);
    await tab.getByRole('button', { name: 'Pay invoice' }).click();
    await tab.getByText('Invoice paid').waitFor();
    await tab.goBack();
    await tab.goBack();
    await tab.getByText('$290.00 per year').first().waitFor();
    await tab.getByRole('button', { name: 'Cancel subscription' }).click();
    await tab.getByRole('button', { name: 'Confirm cancellation' }).click();
    await tab.getByText(/Cancels on/).waitFor();
    await tab.getByRole('button', { name: 'Resume subscription' }).click();
    await tab.getByRole('button', { name: 'Cancel subscription' }).waitFor();
    const bodies = (await s.requests()).filter((r) => r.method === 'POST').map((r) => `${r.operation} ${JSON.stringify(r.body)}`);
    assert.deepEqual(bodies, [
      'previewChange {"interval":"year"}',
      'changeSubscription {"interval":"year"}',
      'cancelSubscription {"timing":"period_end"}',
      'resumeSubscription {}',
    ]);
    await context.close();
  });
});
