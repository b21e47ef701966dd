import { expect } from '@open-wc/testing';
import { createBillingClient, parseRetryAfter, type BillingClientOptions } from '../../src/api/client.js';
import { BillingError } from '../../src/api/errors.js';
import { scenario } from '../helpers/fake.js';
import type { RemoteScenario } from '../../src/testing/fake-api/remote.js';

/** A client whose waits are recorded instead of slept, so retries are fast and checkable. */
function recordingClient(s: RemoteScenario, extra: Partial<BillingClientOptions> = {}) {
  const waits: number[] = [];
  const client = createBillingClient({
    baseUrl: s.baseUrl,
    getToken: () => s.token,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
  return { client, waits };
}

async function failure(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(BillingError);
  return error as BillingError;
}

describe('client faults', () => {
  it('retries a GET on 5xx at most three times in all, with growing jittered backoff', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', status: 503 });
    const { client, waits } = recordingClient(s);
    const error = await failure(client.subscriptions.list());
    expect(error).to.include({ kind: 'http', status: 503 });
    expect(await s.requests('listSubscriptions')).to.have.length(3);
    expect(waits).to.deep.equal([225, 450]);
  });

  it('recovers when a retry succeeds', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', status: 500, times: 2 });
    const { client } = recordingClient(s);
    const features = await client.subscriptions.features();
    expect(features.length).to.be.greaterThan(0);
    expect((await s.requests('listFeatures')).map((r) => r.status)).to.deep.equal([500, 500, 200]);
  });

  it('never retries a POST', async () => {
    const s = await scenario();
    await s.fault({ operation: 'cancelSubscription', status: 503 });
    const { client, waits } = recordingClient(s);
    const error = await failure(client.subscriptions.cancel('sub_active_usd', { timing: 'period_end' }));
    expect(error.status).to.equal(503);
    expect(await s.requests('cancelSubscription')).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listMerchants', status: 429, retryAfter: '2', times: 1 });
    const { client, waits } = recordingClient(s);
    await client.subscriptions.merchants();
    expect(waits).to.deep.equal([2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const s = await scenario();
    const date = new Date(Date.now() + 3000).toUTCString();
    await s.fault({ operation: 'listMerchants', status: 503, retryAfter: date, times: 1 });
    const { client, waits } = recordingClient(s);
    await client.subscriptions.merchants();
    expect(waits).to.have.length(1);
    expect(waits[0]).to.be.within(1000, 3000);
  });

  it('fails at once with rate-limited when Retry-After is longer than the cap', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listMerchants', status: 429, retryAfter: '120' });
    const { client, waits } = recordingClient(s);
    const error = await failure(client.subscriptions.merchants());
    expect(error).to.include({ kind: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(waits).to.deep.equal([]);
    expect(await s.requests('listMerchants')).to.have.length(1);
  });

  it('retries a dropped connection, then reports a network error', async () => {
    const s = await scenario();
    await s.fault({ operation: 'getIdentity', kind: 'network' });
    const { client, waits } = recordingClient(s);
    const error = await failure(client.subscriptions.identity());
    expect(error.kind).to.equal('network');
    // Three attempts: two waits. (Chromium itself may resend once on a reset keep-alive
    // socket, so the service can see up to two hits per attempt.)
    expect(waits).to.have.length(2);
    expect((await s.requests('getIdentity')).length).to.be.within(3, 6);
  });

  it('reports a malformed JSON body as invalid-response, without retrying', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'malformed-json' });
    const { client } = recordingClient(s);
    const error = await failure(client.subscriptions.list());
    expect(error.kind).to.equal('invalid-response');
    expect(error.details).to.contain('not JSON');
    expect(await s.requests('listSubscriptions')).to.have.length(1);
  });

  it('reports an HTML error page as an http error with a plain message', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'html' });
    const { client } = recordingClient(s);
    const error = await failure(client.subscriptions.list());
    expect(error).to.include({ kind: 'http', status: 502, fromService: false });
    expect(error.message).to.not.contain('<');
  });

  it('reports an HTML page with status 200 as invalid-response', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', kind: 'html', status: 200 });
    const error = await failure(recordingClient(s).client.subscriptions.features());
    expect(error.kind).to.equal('invalid-response');
  });

  it('treats an empty body as invalid for a GET and as "no details" for a mutation', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listFeatures', kind: 'empty' });
    await s.fault({ operation: 'resumeSubscription', kind: 'empty' });
    const { client } = recordingClient(s);
    expect((await failure(client.subscriptions.features())).kind).to.equal('invalid-response');
    expect(await client.subscriptions.resume('sub_active_usd')).to.deep.equal({ subscription: null, hosted_invoice_url: null });
  });

  it('reports schema drift as invalid-response with the paths in its details', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'drift' });
    const error = await failure(recordingClient(s).client.subscriptions.list());
    expect(error.kind).to.equal('invalid-response');
    expect(error.details).to.match(/items/);
  });

  it('times out a hanging request', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'hang' });
    const { client, waits } = recordingClient(s, { timeoutMs: 200 });
    const error = await failure(client.subscriptions.list());
    expect(error.kind).to.equal('timeout');
    expect(waits).to.deep.equal([]);
  });

  it("passes the caller's abort through untouched", async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', kind: 'hang' });
    const { client } = recordingClient(s);
    const controller = new AbortController();
    const pending = client.subscriptions.list({}, { signal: controller.signal });
    const reason = new DOMException('the panel went away', 'AbortError');
    setTimeout(() => controller.abort(reason), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).to.equal(reason);
  });

  it('stops retrying when aborted during the backoff', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listSubscriptions', status: 503 });
    const controller = new AbortController();
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token, retry: { baseDelayMs: 60_000 } });
    const pending = client.subscriptions.list({}, { signal: controller.signal });
    while ((await s.requests('listSubscriptions')).length === 0) await new Promise(requestAnimationFrame);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
    expect(await s.requests('listSubscriptions')).to.have.length(1);
  });

  it('takes the service message from every error shape of the contract', async () => {
    const shapes: Array<[string, string, string | undefined]> = [
      ['{"error":{"code":"price_not_found","message":"No such price."}}', 'No such price.', 'price_not_found'],
      ['{"message":"Plain message."}', 'Plain message.', undefined],
      ['{"error":"Error as text."}', 'Error as text.', undefined],
      ['Service unavailable today', 'Service unavailable today', undefined],
    ];
    for (const [body, message, code] of shapes) {
      const s = await scenario();
      await s.fault({ operation: 'listMerchants', status: 422, body, contentType: body.startsWith('{') ? 'application/json' : 'text/plain' });
      const error = await failure(recordingClient(s).client.subscriptions.merchants());
      expect(error.message).to.equal(message);
      expect(error.code).to.equal(code);
      expect(error.fromService).to.equal(true);
    }
  });

  it('never puts the token in an error, even when the service echoes it', async () => {
    const s = await scenario();
    await s.fault({ operation: 'listMerchants', status: 400, body: JSON.stringify({ message: `bad token ${s.token}` }) });
    const error = await failure(recordingClient(s).client.subscriptions.merchants());
    expect(error.message).to.contain('[redacted]');
    expect(JSON.stringify({ ...error, message: error.message, details: error.details })).to.not.contain(s.token);
  });

  it('keeps the token out of every URL it requests', async () => {
    const s = await scenario();
    const { client } = recordingClient(s);
    await client.subscriptions.list({ locale: 'en' });
    await client.subscriptions.sync();
    for (const request of await s.log()) {
      expect(request.path + JSON.stringify(request.query)).to.not.contain(s.token.slice(0, 20));
    }
  });

  it('parses Retry-After forms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).to.equal(5000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).to.equal(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
