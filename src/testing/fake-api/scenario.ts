/**
 * One scenario of the fake billing service: an isolated account with its own state (the
 * service's records, what Stripe knows, sessions, invoices, tokens), request log and faults,
 * and the operations that change that state the way Stripe and its webhooks would.
 */
import { buildDataSet, DAY, planAndPrice, timeOf, type DataSetName, type FeatureDefinition, type Json, type WireCustomer, type WireInvoice, type WireMerchant, type WireSubscription } from './data-sets/index.js';
import { invoiceOf, invoicesOf } from './data-sets/invoices.js';
import { clone, newId } from './responses.js';
import type { CheckoutSession, Fault, LogEntry, OptionalAnswer, OptionalOperation, ScenarioOptions } from './types.js';

export const LIVE = new Set(['active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused']);
const GRANTING = new Set(['active', 'trialing', 'past_due']);

/** What an opaque token stands for. */
export interface OpaqueGrant {
  role: string;
  expired: boolean;
}

export class Scenario {
  readonly id: string;
  readonly accountId: string;
  dataset: DataSetName;
  options: ScenarioOptions;
  log: LogEntry[] = [];
  faults: Fault[] = [];
  customer: WireCustomer | null = null;
  merchants: WireMerchant[] = [];
  /** The service's own records. */
  local = new Map<string, WireSubscription>();
  /** What Stripe knows (syncs copy it into `local`). */
  stripe = new Map<string, WireSubscription>();
  sessions = new Map<string, CheckoutSession>();
  /** Portal session id → return_url. */
  portals = new Map<string, string>();
  pendingActivation = new Map<string, number>();
  usage: Record<string, number> = {};
  features: FeatureDefinition[] = [];
  /** Stripe's invoices, newest first. */
  invoices: WireInvoice[] = [];
  /** Opaque token → what it grants (made on first use, stable for the scenario's life). */
  opaqueTokens = new Map<string, OpaqueGrant>();

  constructor(id: string, dataset: DataSetName, options: ScenarioOptions = {}) {
    this.id = id;
    this.accountId = options.accountId ?? `acct_${id}`;
    this.dataset = dataset;
    this.options = options;
    this.reset(dataset);
  }

  reset(dataset: DataSetName = this.dataset, origin?: string): void {
    const data = buildDataSet(dataset, Date.now(), origin ? `${origin}/s/${this.id}/fake-stripe/invoice/in_pastdue` : undefined);
    const { planName: rename, currency } = this.options;
    this.dataset = dataset;
    this.customer = data.customer;
    this.merchants = data.merchants;
    this.features = data.features;
    this.usage = data.usage;
    this.local = new Map();
    this.stripe = new Map();
    this.sessions = new Map();
    if (rename && data.merchants[0]?.plans[0]) data.merchants[0].plans[0].name = rename;
    if (currency) {
      for (const price of data.merchants.flatMap((m) => m.plans.flatMap((p) => p.prices))) price.currency = currency.toLowerCase();
    }
    data.subscriptions.forEach((sub, index) => {
      if (index === 0 && this.options.status) sub.status = this.options.status;
      if (index === 0 && rename && sub.plan) sub.plan.name = rename;
      if (currency && sub.price) sub.price.currency = currency.toLowerCase();
      this.local.set(sub.id, sub);
      this.stripe.set(sub.id, clone(sub));
    });
    this.invoices = invoicesOf(data.subscriptions);
  }

  /** How an optional operation answers: `ok`, or 404/405 when the service does not offer it. */
  optional(operation: OptionalOperation): OptionalAnswer {
    return this.options.optional?.[operation] ?? (operation === 'resume' ? this.options.resume : undefined) ?? 'ok';
  }

  /** The scenario's opaque tokens (contract 1.1: a token need not be a JWT). */
  opaqueToken(role: 'owner' | 'member' | 'expired'): string {
    for (const [token, grant] of this.opaqueTokens) {
      if ((role === 'expired' ? grant.expired : !grant.expired && grant.role === role)) return token;
    }
    const random = Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(36).padStart(2, '0')).join('');
    const token = `bpt_${random}`;
    this.opaqueTokens.set(token, { role: role === 'expired' ? 'owner' : role, expired: role === 'expired' });
    return token;
  }

  /** Newest first, as the contract says. */
  subscriptions(): WireSubscription[] {
    return [...this.local.values()].sort((a, b) => timeOf(b.created) - timeOf(a.created));
  }

  /** Apply a change to the subscription in both stores (what Stripe and the webhook would do). */
  update(id: string, change: (sub: WireSubscription) => void): WireSubscription | undefined {
    const remote = this.stripe.get(id);
    if (remote) change(remote);
    const local = this.local.get(id);
    if (local) change(local);
    return local ?? remote;
  }

  /** A new invoice from Stripe (a checkout, an upgrade), newest first. */
  addInvoice(sub: WireSubscription, status: 'paid' | 'open', amount?: number): WireInvoice {
    const invoice = invoiceOf(sub, newId('in'), status, Date.now(), null);
    if (amount !== undefined) Object.assign(invoice, { amount_due: amount, total: amount, amount_paid: status === 'paid' ? amount : 0 });
    this.invoices.unshift(invoice);
    return invoice;
  }

  featureList(): Json[] {
    const granting = this.subscriptions().filter((s) => GRANTING.has(s.status));
    return this.features.map((definition) => {
      const grants = granting.filter((s) => s.plan && s.plan.id in definition.limits);
      const limits = grants.map((s) => {
        const limit = definition.limits[s.plan!.id] ?? null;
        return limit === 'quantity' ? s.quantity : limit;
      });
      const enabled = grants.length > 0;
      const unlimited = limits.some((l) => l === null);
      const limit = !enabled || unlimited ? null : Math.max(...limits.map(Number));
      return {
        key: definition.key,
        name: definition.name,
        description: definition.description,
        enabled,
        limit,
        usage: enabled && definition.unit ? (this.usage[definition.key] ?? 0) : null,
        unit: definition.unit,
        subscription_id: grants[0]?.id ?? null,
      };
    });
  }

  /** Stripe completes a paid checkout: a customer if needed, a subscription and its invoice. */
  completeCheckout(sessionId: string): CheckoutSession | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    if (session.status === 'complete') return session;
    const found = planAndPrice(this.merchants, session.price_id)!;
    this.customer ??= {
      customer_id: newId('cus'),
      email: 'owner@example.com',
      name: 'Ada Owner',
      livemode: found.merchant.livemode,
      default_payment_method: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: new Date().getFullYear() + 3 },
    };
    const now = Date.now();
    const trialDays = found.price.trial_period_days;
    const activation = this.options.activationReads ?? 0;
    const status = activation > 0 ? 'incomplete' : trialDays ? 'trialing' : 'active';
    const periodDays = found.price.interval === 'year' ? 365 : 30 * found.price.interval_count;
    const sub: WireSubscription = {
      id: newId('sub'),
      status,
      merchant_id: found.merchant.id,
      plan: { id: found.plan.id, name: found.plan.name, description: found.plan.description },
      price: clone(found.price),
      quantity: session.quantity,
      created: new Date(now).toISOString(),
      current_period_start: new Date(now).toISOString(),
      current_period_end: new Date(now + (trialDays ?? periodDays) * DAY).toISOString(),
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      trial_end: trialDays ? new Date(now + trialDays * DAY).toISOString() : null,
      latest_invoice_url: null,
    };
    if (activation > 0) this.pendingActivation.set(sub.id, activation);
    this.stripe.set(sub.id, sub);
    if (this.options.webhook) this.local.set(sub.id, clone(sub));
    this.addInvoice(sub, 'paid', trialDays ? 0 : undefined);
    session.status = 'complete';
    session.subscription_id = sub.id;
    return session;
  }

  /** An invoice paid on the fake hosted invoice page: open invoices are paid, and past_due/unpaid/incomplete become active in Stripe. */
  payInvoices(): void {
    for (const invoice of this.invoices) {
      if (invoice.status === 'open') Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due });
    }
    for (const sub of this.stripe.values()) {
      if (['past_due', 'unpaid', 'incomplete'].includes(sub.status)) {
        sub.status = 'active';
        sub.latest_invoice_url = null;
        if (this.options.webhook) this.local.set(sub.id, clone(sub));
      }
    }
  }
}
