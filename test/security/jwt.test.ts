import { expect } from '@open-wc/testing';
import { decodeJwt, isJwtShaped, isTokenExpired, tokenAccount, tokenExpiry, validateToken } from '../../src/security/jwt.js';
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

  // Tokens shaped like a JWT (`eyJ….….…`) must decode; anything else is an opaque token.
  const MALFORMED: Array<[string, string]> = [
    ['payload not JSON', `${b64({ alg: 'none' })}.${b64('not json')}.`],
    ['payload an array', jwt([1, 2])],
    ['payload a string', jwt('"text"')],
    ['exp a string', jwt({ exp: '1800000000' })],
    ['exp in milliseconds', jwt({ exp: 1_800_000_000_000 })],
    ['exp negative', jwt({ exp: -5 })],
    ['acc a number', jwt({ acc: 12 })],
    ['empty', ''],
    ['a space inside', 'abc def'],
    ['a line break', 'abc\ndef'],
    ['non-ASCII', 'tökén'],
  ];
  for (const [name, token] of MALFORMED) {
    it(`treats a malformed token as a config error: ${name}`, () => {
      let error: unknown;
      try {
        validateToken(token);
        if (isJwtShaped(token)) isTokenExpired(token);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(BillingError);
      expect((error as BillingError).kind).to.equal('config');
      if (token.length > 8) expect((error as BillingError).message + (error as BillingError).details).to.not.contain(token);
    });
  }

  const OPAQUE: Array<[string, string]> = [
    ['a random string', 'opaque_7Hk2mQ9xZr'],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['three parts, not a JWT header', `${b64('42')}.${b64({ acc: 'a' })}.`],
    ['punctuation', 'a!.b.c~'],
  ];
  for (const [name, token] of OPAQUE) {
    it(`accepts an opaque token (contract 1.1) and never calls it expired: ${name}`, () => {
      expect(isJwtShaped(token)).to.equal(false);
      expect(() => validateToken(token)).to.not.throw();
      expect(isTokenExpired(token)).to.equal(false);
    });
  }
});
