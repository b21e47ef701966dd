import { expect } from '@open-wc/testing';
import { checkRedirectUrl, isAllowedRedirect, parseRedirectHosts } from '../../src/security/redirect.js';
import { BillingError } from '../../src/api/errors.js';

const extra = parseRedirectHosts('pay.example.com localhost:5173 127.0.0.1:8443');

const ALLOWED: string[] = [
  'https://checkout.stripe.com/c/pay/cs_test_a1B2c3',
  'https://billing.stripe.com/p/session/test_YWNjdF8x',
  'https://invoice.stripe.com/i/acct_1/test_YWNj',
  'https://CHECKOUT.STRIPE.COM/c/pay/cs_1',
  'https://checkout.stripe.com:443/c/pay/cs_1',
  'https://pay.example.com/c/pay/cs_1',
  'http://localhost:5173/s/x/fake-stripe/checkout/cs_1',
  'https://localhost:5173/fake',
  'http://127.0.0.1:8443/fake-stripe/portal/bps_1',
];

const REFUSED: string[] = [
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'blob:https://checkout.stripe.com/uuid',
  'file:///etc/passwd',
  'http://checkout.stripe.com/c/pay/cs_1',
  'https://checkout.stripe.com.evil.tld/c/pay/cs_1',
  'https://evil.tld/checkout.stripe.com',
  'https://evilcheckout.stripe.com/c/pay',
  'https://stripe.com/',
  'https://dashboard.stripe.com/',
  'https://checkout.stripe.com.',
  'https://user@checkout.stripe.com/c/pay/cs_1',
  'https://checkout.stripe.com:pw@evil.tld/',
  'https://checkout.stripe.com:8443/c/pay/cs_1',
  'https://checkout.stripe.com@evil.tld/',
  '//checkout.stripe.com/c/pay/cs_1',
  '/c/pay/cs_1',
  'checkout.stripe.com/c/pay',
  'https://xn--checkout-stripe-com.evil/',
  'https://checkout.stripe.com\\@evil.tld/',
  'http://localhost/fake',
  'http://localhost:3000/fake',
  'http://pay.example.com/c/pay',
  'https://sub.pay.example.com/',
  'ftp://checkout.stripe.com/',
  '',
];

describe('redirect policy', () => {
  it('has a table of at least 25 hostile URLs', () => {
    expect(REFUSED.length).to.be.greaterThanOrEqual(25);
  });

  for (const url of ALLOWED) {
    it(`allows ${url}`, () => {
      expect(checkRedirectUrl(url, extra)).to.be.instanceOf(URL);
    });
  }

  for (const url of REFUSED) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      let error: unknown;
      try {
        checkRedirectUrl(url, extra);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(BillingError);
      expect((error as BillingError).kind).to.equal('redirect-refused');
    });
  }

  it('refuses plain http localhost unless it is listed', () => {
    expect(isAllowedRedirect('http://localhost:5173/x')).to.equal(false);
    expect(isAllowedRedirect('http://localhost:5173/x', ['localhost:5173'])).to.equal(true);
    expect(isAllowedRedirect('http://localhost/x', ['localhost'])).to.equal(true);
    expect(isAllowedRedirect('http://localhost:4000/x', ['localhost']), 'a bare loopback entry allows any port').to.equal(true);
    expect(isAllowedRedirect('http://127.0.0.1:4000/x', ['localhost'])).to.equal(false);
    expect(isAllowedRedirect('https://pay.example.com:8443/x', ['pay.example.com']), 'other hosts keep the default port').to.equal(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, new URL('https://checkout.stripe.com/')]) {
      expect(isAllowedRedirect(value)).to.equal(false);
    }
  });

  it('parses redirect-hosts, dropping patterns and URLs', () => {
    expect(parseRedirectHosts(' Pay.Example.com,localhost:5173  *.evil.tld https://x.tld/ a@b.c ')).to.deep.equal([
      'pay.example.com',
      'localhost:5173',
    ]);
    expect(parseRedirectHosts(null)).to.deep.equal([]);
  });
});
