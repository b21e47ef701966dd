/** `<billing-invoices>`: the invoice history (contract 1.1 `listInvoices`, optional). */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { setViewport } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { scenario } from '../helpers/fake.js';
import { configure, loadedPanel } from '../helpers/panel.js';
import { captureRedirects } from '../helpers/actions.js';
import { findText, getByRole, nameOf, queryAllByRole, visibleText } from '../../src/testing/queries.js';
import type { BillingPanel } from '../../src/billing-panel.js';
import type { BillingInvoices } from '../../src/elements/billing-invoices.js';
import type { BillingActionDetail } from '../../src/events/billing-action-event.js';
import type { BillingErrorDetail } from '../../src/events/billing-error-event.js';
import type { BillingLoadedEvent } from '../../src/events/billing-loaded-event.js';

/** The invoices section inside a panel. */
function section(el: BillingPanel): BillingInvoices | null {
  return el.shadowRoot!.querySelector('billing-invoices');
}

function rows(el: Element): Element[] {
  const root = el.localName === 'billing-panel' ? section(el as BillingPanel)! : el;
  return Array.from(root.shadowRoot!.querySelectorAll('[part~="invoice"]'));
}

function errors(): BillingErrorDetail[] {
  const seen: BillingErrorDetail[] = [];
  const listener = (event: Event) => seen.push((event as CustomEvent<BillingErrorDetail>).detail);
  document.addEventListener('billing-error', listener);
  afterEach(() => document.removeEventListener('billing-error', listener));
  return seen;
}

const CREATED = Date.parse('2026-03-03T12:00:00Z') / 1000;
function invoice(id: string, number: string | null, status: string, extra: Record<string, unknown> = {}) {
  return { id, number, status, currency: 'usd', amount_due: 2900, amount_paid: 0, total: 2900, created: CREATED, subscription_id: 'sub_active_usd', ...extra };
}

/** Every status, and links on allowed and refused hosts. */
const MIXED = JSON.stringify({
  items: [
    invoice('in_paid', 'A1B2-0006', 'paid', {
      amount_paid: 2900,
      hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1/in_paid',
      invoice_pdf: 'https://pay.stripe.com/invoice/acct_1/in_paid/pdf',
    }),
    // 10.00 of credit applied: 19.00 is what is still due.
    invoice('in_open', 'A1B2-0005', 'open', {
      amount_due: 1900,
      hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1/in_open',
      invoice_pdf: 'https://files.stripe.com/invoice/in_open.pdf',
    }),
    invoice('in_void', 'A1B2-0004', 'void', { hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1/in_void', invoice_pdf: 'https://evil.example/x.pdf' }),
    // A PDF host is no place for the hosted page (nor for paying).
    invoice('in_unc', 'A1B2-0003', 'uncollectible', { hosted_invoice_url: 'https://pay.stripe.com/i/in_unc' }),
    invoice('in_open_evil', 'A1B2-0002', 'open', { hosted_invoice_url: 'https://evil.example/i/in_open_evil', invoice_pdf: 'http://pay.stripe.com/x.pdf' }),
    invoice('in_draft', null, 'draft'),
    invoice('in_review', 'A1B2-0001', 'in_review', { hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1/in_review' }),
  ],
  has_more: false,
});

describe('<billing-invoices>', () => {
  it('shows the invoices newest first, with amounts in USD and statuses, inside the panel after the subscriptions', async () => {
    const s = await scenario('active-usd');
    const el = await loadedPanel(s);
    const invoices = section(el)!;
    const order = Array.from(el.shadowRoot!.querySelector('.sections')!.children).map((c) => c.localName);
    expect(order.indexOf('billing-invoices')).to.equal(order.indexOf('billing-subscriptions') + 1);
    expect(invoices.shadowRoot!.querySelector('h3')!.textContent!.trim()).to.equal('Invoices');
    const texts = rows(el).map((row) => visibleText(row));
    expect(texts).to.have.length(3);
    expect(texts.map((t) => /F1A2B-\d{4}/.exec(t)![0])).to.deep.equal(['F1A2B-0003', 'F1A2B-0002', 'F1A2B-0001']);
    for (const text of texts) expect(text).to.contain('$29.00').and.contain('Paid');
    const dates = rows(el).map((row) => Date.parse(visibleText(row.querySelector('span')!).replace(/F1A2B-\d{4}/, '')));
    expect(dates[0]).to.be.greaterThan(dates[1]!);
    expect(dates[1]).to.be.greaterThan(dates[2]!);
    await expect(el).to.be.accessible();
  });

  it('formats a zero-decimal currency (JPY) from Stripe’s minor units', async () => {
    const el = await loadedPanel(await scenario('active-usd', { currency: 'jpy' }));
    const text = visibleText(rows(el)[0]!);
    expect(text).to.contain('¥2,900');
    expect(text).to.not.contain('29.00');
  });

  it('names every status, an unknown one as it is, and shows an open invoice’s amount due', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listInvoices', status: 200, body: MIXED });
    const el = await loadedPanel(s);
    const texts = rows(el).map((row) => visibleText(row));
    expect(texts[0]).to.contain('Paid').and.contain('$29.00');
    expect(texts[1]).to.contain('Open').and.contain('$19.00').and.not.contain('$29.00');
    expect(texts[2]).to.contain('Void');
    expect(texts[3]).to.contain('Uncollectible');
    expect(texts[5]).to.contain('Draft').and.contain('in_draft');
    expect(texts[6]).to.contain('Status: in_review');
    await expect(el).to.be.accessible();
  });

  it('links to the hosted page and the PDF only on allowed hosts, and offers Pay only where the page is allowed', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listInvoices', status: 200, body: MIXED });
    const el = await loadedPanel(s);
    const links = Object.fromEntries(queryAllByRole(el, 'link').map((a) => [nameOf(a), (a as HTMLAnchorElement).href]));
    expect(links).to.deep.equal({
      'View invoice A1B2-0006': 'https://invoice.stripe.com/i/acct_1/in_paid',
      'Download PDF of invoice A1B2-0006': 'https://pay.stripe.com/invoice/acct_1/in_paid/pdf',
      'View invoice A1B2-0005': 'https://invoice.stripe.com/i/acct_1/in_open',
      'Download PDF of invoice A1B2-0005': 'https://files.stripe.com/invoice/in_open.pdf',
      'View invoice A1B2-0004': 'https://invoice.stripe.com/i/acct_1/in_void',
      'View invoice A1B2-0001': 'https://invoice.stripe.com/i/acct_1/in_review',
    });
    expect(queryAllByRole(el, 'button', /^Pay invoice A1B2/).map(nameOf)).to.deep.equal(['Pay invoice A1B2-0005, $19.00']);
    const pdf = queryAllByRole(el, 'link', 'Download PDF of invoice A1B2-0005')[0]!;
    expect(pdf.textContent!.trim()).to.equal('PDF');
    expect(pdf.getAttribute('rel')).to.equal('noreferrer');
    // Each opens a new tab, and says so in its description (its name stays what it does).
    for (const link of queryAllByRole(el, 'link')) {
      expect(link.getAttribute('target')).to.equal('_blank');
      const description = (link.getRootNode() as ShadowRoot).getElementById(link.getAttribute('aria-describedby')!);
      expect(description?.textContent, nameOf(link)).to.equal('Opens in a new tab.');
    }
  });

  it('offers no Pay in a readonly panel, and keeps the links', async () => {
    const s = await scenario('past-due', { stripeUrls: 'stripe' });
    const el = await loadedPanel(s, { readOnly: true });
    expect(queryAllByRole(el, 'button', /^Pay invoice F/)).to.have.length(0);
    expect(queryAllByRole(el, 'link', /^View invoice F/)).to.have.length(3);
  });

  it('offers Pay only when `actions` allows invoice', async () => {
    const s = await scenario('past-due', { stripeUrls: 'stripe' });
    const el = await loadedPanel(s);
    el.actions = 'portal change';
    await el.updateComplete;
    await section(el)!.updateComplete;
    expect(queryAllByRole(el, 'button', /^Pay invoice F/)).to.have.length(0);
    expect(queryAllByRole(el, 'link', /^View invoice F/)).to.have.length(3);
    el.actions = 'portal invoice';
    await el.updateComplete;
    await section(el)!.updateComplete;
    expect(queryAllByRole(el, 'button', /^Pay invoice F/)).to.have.length(1);
  });

  it('Pay: billing-action, then billing-redirect to Stripe’s invoice page; nothing is sent to the service', async () => {
    const s = await scenario('past-due', { stripeUrls: 'stripe' });
    const el = await loadedPanel(s);
    const events: string[] = [];
    let asked: BillingActionDetail | undefined;
    el.addEventListener('billing-action', (event) => {
      events.push('billing-action');
      asked = event.detail;
    });
    el.addEventListener('billing-redirect', () => events.push('billing-redirect'));
    const redirects = captureRedirects(el);
    await s.clearLog();
    const pay = getByRole(el, 'button', 'Pay invoice F1A2B-0003, $29.00');
    expect(pay.textContent!.trim()).to.equal('Pay');
    pay.click();
    await waitUntil(() => redirects.length === 1, 'billing-redirect');
    expect(events).to.deep.equal(['billing-action', 'billing-redirect']);
    expect(asked).to.deep.equal({ action: 'invoice', subscriptionId: 'sub_past_due' });
    expect(redirects[0]).to.deep.equal({ kind: 'invoice', url: 'https://invoice.stripe.com/i/acct_fake/in_pastdue' });
    expect(await s.requests()).to.deep.equal([]);
  });

  it('Pay vetoed by the host: no redirect, nothing sent, idle again', async () => {
    const s = await scenario('past-due', { stripeUrls: 'stripe' });
    const el = await loadedPanel(s);
    const asked: BillingActionDetail[] = [];
    el.addEventListener('billing-action', (event) => {
      event.preventDefault();
      asked.push(event.detail);
    });
    const redirects = captureRedirects(el);
    await s.clearLog();
    const pay = getByRole(el, 'button', /^Pay invoice F1A2B-0003,/);
    pay.click();
    await waitUntil(() => asked.length === 1, 'billing-action');
    await section(el)!.updateComplete;
    expect(asked[0]).to.deep.equal({ action: 'invoice', subscriptionId: 'sub_past_due' });
    expect(redirects).to.deep.equal([]);
    expect(await s.requests()).to.deep.equal([]);
    expect(pay.getAttribute('aria-busy')).to.equal('false');
    expect(pay.hasAttribute('disabled')).to.equal(false);
  });

  it('Show more invoices asks for the next page by offset and appends it', async () => {
    const s = await scenario('many');
    const el = await loadedPanel(s);
    expect(rows(el)).to.have.length(15);
    const first = rows(el).map((row) => visibleText(row));
    await s.clearLog();
    getByRole(el, 'button', 'Show more invoices').click();
    await waitUntil(() => rows(el).length === 30, 'the second page');
    const [request] = await s.requests('listInvoices');
    expect(request!.query).to.include({ offset: '15', limit: '15' });
    expect(rows(el).slice(0, 15).map((row) => visibleText(row))).to.deep.equal(first);
    expect(await s.requests()).to.have.length(1);
  });

  it('shows "No invoices yet." for an account without invoices', async () => {
    const el = await loadedPanel(await scenario('new-account'));
    expect(visibleText(section(el)!)).to.equal('Invoices No invoices yet.');
  });

  it('shows a skeleton while loading, then the error with Try again, which loads only the invoices', async () => {
    const s = await scenario('active-usd');
    await s.fault({ operation: 'listInvoices', status: 500 });
    const el = document.createElement('billing-panel');
    const failed = oneEvent(el, 'billing-error');
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => section(el)?.shadowRoot?.querySelector('[part~="skeleton"]'), 'the skeleton');
    expect((await failed).detail).to.include({ operation: 'listInvoices', kind: 'http', status: 500 });
    await findText(section(el)!, 'Could not load invoices.');
    await expect(el).to.be.accessible();
    await s.clearFaults();
    await s.clearLog();
    getByRole(section(el)!, 'button', 'Try again').click();
    await waitUntil(() => rows(el).length === 3, 'the invoices');
    expect((await s.requests()).map((r) => r.operation)).to.deep.equal(['listInvoices']);
  });

  for (const status of [404, 405] as const) {
    it(`renders no section when the service answers ${status}: no heading, no billing-error, loaded without invoices`, async () => {
      const seen = errors();
      const s = await scenario('active-usd', { optional: { listInvoices: status } });
      const el = document.createElement('billing-panel');
      const loaded = oneEvent(el, 'billing-loaded') as Promise<BillingLoadedEvent>;
      configure(el, s);
      await fixture(html`<div>${el}</div>`);
      expect((await loaded).detail.invoices).to.equal(null);
      await el.updateComplete;
      // (A boolean: a failing assertion about the element itself would take the browser down serializing it.)
      expect(section(el) === null, 'no <billing-invoices> in the panel').to.equal(true);
      expect(visibleText(el)).to.not.contain('Invoices');
      expect(queryAllByRole(el, 'heading').map(nameOf)).to.not.include('Invoices');
      expect(seen).to.deep.equal([]);
      expect((await s.requests('listInvoices')).map((r) => r.status)).to.deep.equal([status]);
      // Not asked again in this session: a reload leaves it out.
      await s.clearLog();
      const again = oneEvent(el, 'billing-loaded');
      el.reload();
      await again;
      expect(await s.requests('listInvoices')).to.have.length(0);
      expect(await s.requests()).to.have.length(4);
    });
  }

  it('on its own: loads only the invoices, with its own heading', async () => {
    const s = await scenario('active-usd');
    const el = document.createElement('billing-invoices');
    const loaded = oneEvent(el, 'billing-loaded') as Promise<BillingLoadedEvent>;
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    await fixture(html`<div>${el}</div>`);
    expect((await loaded).detail.invoices).to.have.length(3);
    await el.updateComplete;
    expect((await s.requests()).map((r) => r.operation)).to.deep.equal(['listInvoices']);
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Invoices');
    expect(rows(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('on its own, without the operation (405): renders nothing and reports nothing', async () => {
    const seen = errors();
    const s = await scenario('active-usd', { optional: { listInvoices: 405 } });
    const el = document.createElement('billing-invoices');
    const loaded = oneEvent(el, 'billing-loaded');
    el.baseUrl = s.baseUrl;
    el.token = s.token;
    await fixture(html`<div>${el}</div>`);
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.children.length, 'nothing rendered').to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(seen).to.deep.equal([]);
  });

  it('inside a panel, slotted next to the subscriptions: one request for the invoices', async () => {
    const s = await scenario('active-usd');
    const el = document.createElement('billing-panel');
    el.append(document.createElement('billing-subscriptions'), document.createElement('billing-invoices'));
    const loaded = oneEvent(el, 'billing-loaded');
    configure(el, s);
    await fixture(html`<div>${el}</div>`);
    await loaded;
    const slotted = el.querySelector('billing-invoices')!;
    await slotted.updateComplete;
    expect(rows(slotted)).to.have.length(3);
    const invoices = await s.requests('listInvoices');
    expect(invoices).to.have.length(1);
    expect(invoices[0]!.query).to.deep.equal({ limit: '15', offset: '0', locale: 'en' });
    expect((await s.requests()).map((r) => r.operation).sort()).to.deep.equal(['getIdentity', 'listFeatures', 'listInvoices', 'listMerchants', 'listSubscriptions']);
  });

  describe('at 320 px', () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const theme of ['light', 'dark'] as const) {
      it(`nothing overflows, a long invoice number wraps (${theme})`, async () => {
        const s = await scenario('active-usd');
        const long = JSON.parse(MIXED) as { items: Array<Record<string, unknown>> };
        long.items[1]!['number'] = `LONGPREFIX-${'9'.repeat(80)}`;
        long.items[1]!['total'] = long.items[1]!['amount_due'] = 123456789;
        await s.fault({ operation: 'listInvoices', status: 200, body: JSON.stringify(long) });
        const el = await loadedPanel(s, { theme });
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        const invoices = section(el)!;
        const base = invoices.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
        expect(base.scrollWidth, 'the section').to.be.at.most(base.clientWidth + 1);
        const right = base.getBoundingClientRect().right;
        for (const row of rows(el)) {
          expect(row.scrollWidth, visibleText(row)).to.be.at.most(row.clientWidth + 1);
          for (const child of Array.from(row.querySelectorAll('*'))) expect(child.getBoundingClientRect().right, visibleText(child)).to.be.at.most(right + 1);
        }
        await expect(el).to.be.accessible();
      });
    }
  });
});

describe('the redirect policy for invoice PDFs', () => {
  it('allows pay.stripe.com and files.stripe.com for PDF links only', async () => {
    const { checkRedirectUrl, isAllowedRedirect } = await import('../../src/security/redirect.js');
    for (const url of ['https://pay.stripe.com/invoice/acct_1/in_1/pdf', 'https://files.stripe.com/x.pdf']) {
      expect(isAllowedRedirect(url, [], true), url).to.equal(true);
      expect(isAllowedRedirect(url), `${url} is no checkout, portal or invoice page`).to.equal(false);
    }
    expect(isAllowedRedirect('https://invoice.stripe.com/i/acct_1/in_1', [], true)).to.equal(true);
    for (const url of ['https://evil.example/x.pdf', 'http://pay.stripe.com/x.pdf', 'https://pay.stripe.com.evil.tld/x.pdf', 'javascript:alert(1)']) {
      expect(() => checkRedirectUrl(url, [], true), url).to.throw();
    }
  });
});
