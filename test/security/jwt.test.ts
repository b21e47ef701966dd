import { expect } from '@open-wc/testing';
import { decodeJwt, isTokenExpired, tokenAccount, tokenExpiry } from '../../src/security/jwt.js';
import { BillingError } from '../../src/api/errors.js';
import { makeTestToken } from '../../src/testing/fake-api/tokens.js';

const b64 = (value: unknown) =>
  btoa(typeof value === 'string' ? value : JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown, header: unknown = { alg: 'HS256' }) => `${b64(header)}.${b64(payload)}.c2ln`;

describe('JWT helpers', () => {
  it('reads acc and exp without verifying', () => {
    const token = makeTestToken({ acc: 'acct_9', exp: 2_000_000_000 });
    expect(tokenAccount(token)).to.equal('acct_9');
    expect(tokenExpiry(token)).to.equal(2_000_000_000_000);
    expect(decodeJwt(token).role).to.equal('owner');
  });

  it('reads UTF-8 claims', () => {
    expect(decodeJwt(makeTestToken({ acc: 'アカウント' })).acc).to.equal('アカウント');
  });

  it('applies a 30 s leeway to exp', () => {
    const now = 1_800_000_000_000;
    const token = jwt({ acc: 'a', exp: now / 1000 });
    expect(isTokenExpired(token, now)).to.equal(false);
    expect(isTokenExpired(token, now + 29_000)).to.equal(false);
    expect(isTokenExpired(token, now + 30_000)).to.equal(true);
    expect(isTokenExpired(jwt({ acc: 'a' }), now)).to.equal(false);
  });

  const MALFORMED: Array<[string, string]> = [
    ['empty', ''],
    ['opaque', 'abc'],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['bad base64', 'a!.b.c'],
    ['payload not JSON', `${b64({ alg: 'none' })}.${b64('not json')}.`],
    ['payload an array', jwt([1, 2])],
    ['payload a string', jwt('"text"')],
    ['header not an object', `${b64('42')}.${b64({ acc: 'a' })}.`],
    ['exp a string', jwt({ exp: '1800000000' })],
    ['exp in milliseconds', jwt({ exp: 1_800_000_000_000 })],
    ['exp negative', jwt({ exp: -5 })],
    ['acc a number', jwt({ acc: 12 })],
  ];
  for (const [name, token] of MALFORMED) {
    it(`treats a malformed token as a config error: ${name}`, () => {
      let error: unknown;
      try {
        isTokenExpired(token);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(BillingError);
      expect((error as BillingError).kind).to.equal('config');
      if (token.length > 8) expect((error as BillingError).message + (error as BillingError).details).to.not.contain(token);
    });
  }
});
