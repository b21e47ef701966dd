import { expect } from '@open-wc/testing';
import { scenario } from '../helpers/fake.js';
import { createBillingClient } from '../../src/api/client.js';

describe('harness', () => {
  it('reaches the fake on another origin', async () => {
    const s = await scenario('active-usd');
    expect(new URL(s.baseUrl).origin).to.not.equal(location.origin);
    const client = createBillingClient({ baseUrl: s.baseUrl, getToken: () => s.token });
    const page = await client.subscriptions.list();
    expect(page.items[0]!.status).to.equal('active');
    expect(page.items[0]!.current_period_end).to.be.instanceOf(Date);
  });
});
