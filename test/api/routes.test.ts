import { expect } from '@open-wc/testing';
import { createRoutes, parseBaseUrl } from '../../src/api/routes.js';
import { BillingError } from '../../src/api/errors.js';

const configError = (fn: () => unknown) => {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a config error').to.be.instanceOf(BillingError);
  expect((error as BillingError).kind).to.equal('config');
};

describe('routes', () => {
  it('joins a base URL with a path prefix or a trailing slash', () => {
    for (const base of ['https://api.example.com/billing', 'https://api.example.com/billing/', 'https://api.example.com/billing//']) {
      expect(createRoutes(base).list().url.href).to.equal('https://api.example.com/billing/api/subscriptions');
    }
    expect(createRoutes('https://api.example.com').features().url.href).to.equal('https://api.example.com/api/subscriptions/features');
    expect(createRoutes('http://localhost:8080/').merchants().url.href).to.equal('http://localhost:8080/api/subscriptions/merchants');
  });

  it('builds every token-style route', () => {
    const r = createRoutes('https://api.example.com');
    expect(r.style).to.equal('token');
    expect(r.list({ limit: 5, offset: 10, locale: 'th' }).url.href).to.equal(
      'https://api.example.com/api/subscriptions?limit=5&offset=10&locale=th',
    );
    expect(r.identity().url.pathname).to.equal('/api/subscriptions/identity');
    expect(r.checkoutSession().url.pathname).to.equal('/api/subscriptions/stripe/checkout-session');
    expect(r.portalSession().url.pathname).to.equal('/api/subscriptions/stripe/portal-session');
    expect(r.checkoutSessionSync().url.pathname).to.equal('/api/subscriptions/stripe/checkout-session-sync');
    expect(r.sync(false).url.href).to.equal('https://api.example.com/api/subscriptions/sync?allow_deletes=false');
    const cancel = r.subscriptionAction('cancel', 'sub_1');
    expect(cancel.url.pathname).to.equal('/api/subscriptions/sub_1/cancel');
    expect(cancel.body).to.equal(undefined);
  });

  it('builds every account-style route, with subscription_id in the body', () => {
    const r = createRoutes('https://api.example.com/v2', 'acct_42');
    expect(r.style).to.equal('account');
    expect(r.list().url.pathname).to.equal('/v2/api/accounts/acct_42/subscriptions');
    expect(r.merchants().url.pathname).to.equal('/v2/api/accounts/acct_42/subscriptions/merchants');
    expect(r.sync(false).url.pathname).to.equal('/v2/api/accounts/acct_42/subscriptions/sync');
    for (const action of ['change', 'cancel', 'resume'] as const) {
      const route = r.subscriptionAction(action, 'sub/1');
      expect(route.url.pathname).to.equal(`/v2/api/accounts/acct_42/subscriptions/${action}`);
      expect(route.body).to.deep.equal({ subscription_id: 'sub/1' });
    }
  });

  it('path-escapes ids so that they can never change the path', () => {
    const r = createRoutes('https://api.example.com/base');
    const cases: Array<[string, string]> = [
      ['a/b', '/base/api/subscriptions/a%2Fb/change'],
      ['../x', '/base/api/subscriptions/..%2Fx/change'],
      ['%', '/base/api/subscriptions/%25/change'],
      ['%2e%2e', '/base/api/subscriptions/%252e%252e/change'],
      ['a?b#c', '/base/api/subscriptions/a%3Fb%23c/change'],
      ['sub 1', '/base/api/subscriptions/sub%201/change'],
    ];
    for (const [id, path] of cases) {
      const { url } = r.subscriptionAction('change', id);
      expect(url.pathname, id).to.equal(path);
      expect(url.search + url.hash, id).to.equal('');
    }
    expect(createRoutes('https://api.example.com', '../admin').list().url.pathname).to.equal(
      '/api/accounts/..%2Fadmin/subscriptions',
    );
    configError(() => r.subscriptionAction('cancel', '..'));
    configError(() => r.subscriptionAction('cancel', '.'));
    configError(() => r.subscriptionAction('cancel', ''));
    configError(() => createRoutes('https://api.example.com', '..'));
  });

  it('refuses a base URL that is not absolute http(s)', () => {
    for (const base of ['', 'api.example.com', '/api', 'ftp://api.example.com', 'javascript:alert(1)', 'https://user:pw@api.example.com', 'https://api.example.com/?x=1', 'https://api.example.com/#x']) {
      configError(() => parseBaseUrl(base));
    }
  });
});
