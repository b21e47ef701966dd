import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createBillingClient, type BillingClient } from '../../src/api/client.js';
import { BillingError } from '../../src/api/errors.js';

const NULL_BODY = new Set([204, 205, 304]);

function clientAnswering(status: number, body: string, contentType: string): BillingClient {
  return createBillingClient({
    baseUrl: 'https://api.example.com',
    getToken: () => 'tok',
    retry: { attempts: 2, maxRetryAfterMs: 0 },
    sleep: async () => {},
    fetch: async () =>
      new Response(NULL_BODY.has(status) ? null : body, { status, headers: { 'content-type': contentType, 'retry-after': '0' } }),
  });
}

const operations: Array<(c: BillingClient) => Promise<unknown>> = [
  (c) => c.subscriptions.list(),
  (c) => c.subscriptions.features(),
  (c) => c.subscriptions.identity(),
  (c) => c.subscriptions.merchants(),
  (c) => c.subscriptions.createCheckoutSession({ price_id: 'p', success_url: 'https://a/', cancel_url: 'https://a/' }),
  (c) => c.subscriptions.createPortalSession({ return_url: 'https://a/' }),
  (c) => c.subscriptions.syncCheckoutSession({ session_id: 'cs' }),
  (c) => c.subscriptions.sync(),
  (c) => c.subscriptions.change('sub', { interval: 'year' }),
  (c) => c.subscriptions.cancel('sub', { timing: 'period_end' }),
  (c) => c.subscriptions.resume('sub'),
];

describe('client properties', () => {
  it('for any JSON body and any status, resolves or throws a BillingError — nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.oneof(fc.json(), fc.string(), fc.constant('<html><body>oops</body></html>'), fc.constant('')),
        fc.constantFrom('application/json', 'text/html', 'text/plain', ''),
        fc.integer({ min: 0, max: operations.length - 1 }),
        async (status, body, contentType, op) => {
          try {
            await operations[op]!(clientAnswering(status, body, contentType));
          } catch (error) {
            expect(error).to.be.instanceOf(BillingError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('for any structured body, a 2xx list answer is either valid data or invalid-response', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: false }), async (value) => {
        let text: string;
        try {
          text = JSON.stringify(value) ?? 'null';
        } catch {
          return;
        }
        try {
          const page = await clientAnswering(200, text, 'application/json').subscriptions.list();
          expect(page.items).to.be.an('array');
        } catch (error) {
          expect(error).to.be.instanceOf(BillingError);
          expect((error as BillingError).kind).to.equal('invalid-response');
        }
      }),
      { numRuns: 300 },
    );
  });
});
