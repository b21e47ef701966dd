import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { storyScenario, type StoryScenario } from '../src/testing/fake-api/browser.js';
import { rememberCheckout } from '../src/session/checkout-return.js';
import { accountKey } from '../src/session/config.js';
import { click, configOf, findOne, expectNoText, expectText, nextRedirect, requests, scenarioLoader, shadowCanvas, type BillingParameters } from './support.js';

interface PanelArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
  readonly: boolean;
  /** The `actions` allow-list; unset offers every action. */
  actions?: string;
}

const meta: Meta<PanelArgs> = {
  title: 'billing-panel',
  component: 'billing-panel',
  loaders: [scenarioLoader],
  args: { locale: 'en', theme: 'light', readonly: false },
  argTypes: {
    locale: { control: 'select', options: ['en', 'ja', 'th', 'zh', 'zh-TW', 'th-u-ca-gregory'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    actions: { control: 'text' },
  },
  render: (args, { loaded, parameters }) => {
    const config = configOf(loaded['billing'] as StoryScenario, parameters as BillingParameters);
    return html`<billing-panel
      base-url=${config.baseUrl ?? ''}
      .token=${config.token}
      locale=${args.locale}
      theme=${args.theme}
      ?readonly=${args.readonly}
      actions=${args.actions ?? nothing}
      redirect-hosts=${config.redirectHosts}
    ></billing-panel>`;
  },
  parameters: { ready: 'Billing details' },
};
export default meta;

type Story = StoryObj<PanelArgs>;
/** The docs page mounts a few live panels, not every state: the others are in the sidebar. */
const ON_DOCS = new Set(['active-usd', 'past-due', 'trialing-jpy']);
const story = (parameters: BillingParameters, args: Partial<PanelArgs> = {}): Story => ({
  parameters,
  args,
  tags: ON_DOCS.has(String(parameters.dataset)) && !parameters.options && Object.keys(args).length === 0 ? [] : ['!autodocs'],
});
const billingOf = (loaded: Record<string, unknown>) => loaded['billing'] as StoryScenario;

// The states an owner can see.
export const Loading = story({ faults: [{ operation: '*', kind: 'hang' }], ready: 'Billing' });
export const Active = story({ dataset: 'active-usd', ready: 'Next charge' });
export const Trialing = story({ dataset: 'trialing-jpy', ready: 'Trial ends' });
export const PastDue = story({ dataset: 'past-due', ready: 'Payment needed.' });
export const Unpaid = story({ dataset: 'past-due', options: { status: 'unpaid' }, ready: 'Unpaid' });
export const Incomplete = story({ dataset: 'active-usd', options: { status: 'incomplete' }, ready: 'Incomplete' });
export const IncompleteExpired = story({ dataset: 'active-usd', options: { status: 'incomplete_expired' }, ready: 'Expired' });
export const Paused = story({ dataset: 'active-usd', options: { status: 'paused' }, ready: 'Paused' });
export const CancelsAtPeriodEnd = story({ dataset: 'cancel-at-period-end', ready: 'Cancels on' });
export const Canceled = story({ dataset: 'canceled', ready: 'Canceled' });
export const UnknownStatus = story({ dataset: 'active-usd', options: { status: 'on_hold' }, ready: 'Status: on_hold' });
export const EmptyAccount = story({ dataset: 'new-account', ready: 'No subscriptions yet' });
export const NoCustomerYet = story({ dataset: 'new-account', options: { identityStyle: 'null' }, ready: 'No billing customer yet' });
export const ManySubscriptions = story({ dataset: 'many', ready: 'Show more subscriptions' });
export const SeveralMerchants = story({ dataset: 'multi-merchant', ready: 'Inbox Manager Thailand' });

// Money in the currencies of the source documents.
export const USD = story({ dataset: 'active-usd', ready: '$29.00 per month' });
export const JPY = story({ dataset: 'trialing-jpy', ready: '¥15,000 per year' });
export const THB = story({ dataset: 'multi-merchant', ready: 'THB 299.00 per month' });
export const CNY = story({ dataset: 'multi-merchant', ready: 'CN¥490.00 per year' });

// Languages.
export const English = story({ dataset: 'active-usd', ready: 'Subscriptions' }, { locale: 'en' });
export const Japanese = story({ dataset: 'active-usd', ready: 'サブスクリプション' }, { locale: 'ja' });
export const Thai = story({ dataset: 'active-usd', ready: 'การสมัครสมาชิก' }, { locale: 'th' });
export const Chinese = story({ dataset: 'active-usd', ready: '订阅' }, { locale: 'zh' });
export const TraditionalChinese = story({ dataset: 'active-usd', ready: '訂閱' }, { locale: 'zh-TW' });
/** Thai with Gregorian years (`th-u-ca-gregory`) instead of the Buddhist era. */
export const ThaiGregorian = story({ dataset: 'active-usd', ready: 'การสมัครสมาชิก' }, { locale: 'th-u-ca-gregory' });

export const DarkTheme = story({ dataset: 'past-due', ready: 'Payment needed.' }, { theme: 'dark' });
export const ReadOnly = story({ dataset: 'active-usd', ready: 'Next charge' }, { readonly: true });

// Every kind of error.
export const NotConfigured = story({ token: 'none', ready: 'Billing is not configured' });
export const ConfigError = story({ baseUrl: 'ftp://billing.example.com', ready: 'not configured correctly' });
export const SessionExpired = story({ token: 'expired', ready: 'Your session has expired' });
export const OwnerOnly = story({ token: 'member', ready: 'Only the account owner can manage billing.' });
export const ServerError = story({ faults: [{ operation: 'listFeatures', status: 500 }], ready: 'Could not load features' });
export const RateLimited = story({ faults: [{ operation: 'listMerchants', status: 429, retryAfter: '120' }], ready: 'Could not load plans. Too many requests.' });
export const Timeout: Story = {
  tags: ['!autodocs'],
  parameters: { faults: [{ operation: 'listMerchants', kind: 'hang' }], ready: 'took too long to answer' },
  render: (args, { loaded, parameters }) => {
    const config = configOf(loaded['billing'] as StoryScenario, parameters as BillingParameters);
    return html`<billing-panel base-url=${config.baseUrl ?? ''} .token=${config.token} locale=${args.locale} timeout="1000"></billing-panel>`;
  },
};
export const NetworkError = story({ faults: [{ operation: 'getIdentity', kind: 'network' }], ready: 'could not be reached' });
export const NotFound = story({ faults: [{ operation: 'listMerchants', status: 404 }], ready: 'could not find it' });
export const InvalidResponse = story({ faults: [{ operation: 'listSubscriptions', kind: 'drift' }], ready: 'could not understand' });
export const HtmlErrorPage = story({ faults: [{ operation: 'listFeatures', kind: 'html' }], ready: 'Could not load features' });

// The owner's flows: each step shows in the Interactions panel.
export const Subscribe: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'new-account', ready: 'Subscribe to Pro' },
  play: async ({ canvasElement, loaded, step }) => {
    const redirect = nextRedirect(canvasElement);
    await step('Subscribe to Pro', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-plans'), /^Subscribe to Pro,/);
    });
    await step('The panel leaves for Stripe Checkout', async () => {
      const { kind, url } = await redirect;
      await expect(kind).toBe('checkout');
      await expect(url).toContain('/fake-stripe/checkout/');
    });
    await step('Checkout returns with the literal session-id placeholder', async () => {
      const post = billingOf(loaded).scenario.log.find((e) => e.operation === 'createCheckoutSession');
      await expect(String((post?.body as { success_url?: string } | undefined)?.success_url)).toContain('checkout_session_id={CHECKOUT_SESSION_ID}');
    });
  },
};

export const ManageBilling: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Manage billing' },
  play: async ({ canvasElement, step }) => {
    const redirect = nextRedirect(canvasElement);
    await step('Open the billing settings', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-panel'), 'Manage billing');
    });
    await step('The panel leaves for the Customer Portal', async () => {
      await expect((await redirect).kind).toBe('portal');
    });
  },
};

export const ChangeInterval: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Switch to yearly billing' },
  play: async ({ canvasElement, step }) => {
    const redirect = nextRedirect(canvasElement);
    const subscriptions = () => shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Ask to switch to yearly billing', async () => {
      await click(await subscriptions(), 'Switch to yearly billing');
      await expectText(canvasElement, 'Pro will cost $290.00 per year instead of $29.00 per month.');
    });
    await step('Confirm: the difference is paid on Stripe\'s invoice page', async () => {
      await click(await subscriptions(), 'Confirm switch');
      await expect((await redirect).kind).toBe('invoice');
    });
    await step('The subscription shows the yearly price', async () => {
      await expectText(canvasElement, '$290.00 per year');
    });
  },
};

export const Cancel: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Cancel subscription' },
  play: async ({ canvasElement, step }) => {
    const subscriptions = () => shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Open the cancel dialog', async () => {
      await click(await subscriptions(), 'Cancel subscription');
      await expectText(canvasElement, 'You keep access until');
    });
    await step('Confirm the cancellation', async () => {
      await click(await subscriptions(), 'Confirm cancellation');
    });
    await step('The subscription says when it ends', async () => {
      await expectText(canvasElement, 'Cancels on');
    });
  },
};

export const Resume: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'cancel-at-period-end', ready: 'Resume subscription' },
  play: async ({ canvasElement, step }) => {
    await step('Resume the subscription', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-subscriptions'), 'Resume subscription');
    });
    await step('It renews again: Cancel is offered, no end date', async () => {
      await expectText(canvasElement, 'Cancel subscription');
      await expectNoText(canvasElement, 'Cancels on');
    });
  },
};

export const Sync: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Sync with Stripe' },
  play: async ({ canvasElement, loaded, step }) => {
    await step('Sync with Stripe', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-panel'), 'Sync with Stripe');
    });
    await step('The panel says when it last synced, after one sync request', async () => {
      await expectText(canvasElement, 'Last synced');
      await expect(requests(billingOf(loaded))).toContain('POST /api/subscriptions/sync');
    });
  },
};

export const ReturnFromCheckout: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'new-account', ready: 'Your subscription is active' },
  loaders: [
    async () => {
      // The owner paid on Stripe: the fake service has the completed session.
      const billing = storyScenario('new-account');
      const { scenario } = billing;
      const id = `cs_story_${scenario.id}`;
      scenario.sessions.set(id, {
        id,
        price_id: 'price_pro_month_usd',
        success_url: location.href,
        cancel_url: location.href,
        quantity: 1,
        status: 'open',
        subscription_id: null,
      });
      scenario.completeCheckout(id);
      return { billing, sessionId: id };
    },
  ],
  // The page state the return needs, set where Storybook cleans it up (`beforeEach`, not a loader):
  // a story left half-way must not leave it to the next one.
  beforeEach: ({ loaded }) => {
    const billing = billingOf(loaded);
    const id = loaded['sessionId'] as string;
    // This browser started it (what the panel remembers when it leaves for Checkout)…
    rememberCheckout(accountKey({ baseUrl: billing.baseUrl, token: billing.token }), id);
    // …and the owner comes back with the session id in the address.
    const url = new URL(location.href);
    url.searchParams.set('checkout_session_id', id);
    history.replaceState(history.state, '', url);
  },
  play: async ({ canvasElement, step }) => {
    await step('The panel confirms the new subscription', async () => {
      await expectText(canvasElement, 'Your subscription is active');
      await expectText(canvasElement, '$29.00 per month');
    });
    await step('The session id is gone from the address', async () => {
      await expect(new URL(location.href).searchParams.has('checkout_session_id')).toBe(false);
    });
  },
};

export const RefusedRedirect: Story = {
  tags: ['!autodocs'],
  parameters: {
    dataset: 'new-account',
    faults: [{ operation: 'createCheckoutSession', status: 200, body: JSON.stringify({ id: 'cs_x', url: 'javascript:alert(1)' }) }],
    ready: 'Subscribe to Pro',
  },
  play: async ({ canvasElement, step }) => {
    await step('Subscribe to Pro', async () => {
      await click(await shadowCanvas(canvasElement, 'billing-plans'), /^Subscribe to Pro,/);
    });
    await step('The service\'s javascript: URL is refused, and the panel says so', async () => {
      await expectText(canvasElement, 'not allowed, so it was not opened');
    });
  },
};

// Issue 13: priced previews, seats, the allow-list, deep links and the save offer.
export const ChangePreview: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Switch to yearly billing' },
  play: async ({ canvasElement, step }) => {
    const subscriptions = await shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Ask to switch to yearly billing', async () => {
      await click(subscriptions, 'Switch to yearly billing');
    });
    await step("Stripe's priced preview: due today, its lines, the next charge", async () => {
      await expectText(canvasElement, 'Due today: $265.83');
      await expectText(canvasElement, 'Then $290.00 on');
    });
  },
};

export const ChangePreviewLoading: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', faults: [{ operation: 'previewChange', kind: 'hang' }], ready: 'Switch to yearly billing' },
  play: async ({ canvasElement, step }) => {
    const subscriptions = await shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Ask to switch to yearly billing', async () => {
      await click(subscriptions, 'Switch to yearly billing');
    });
    await step('A skeleton while Stripe prices the change', async () => {
      await expectText(canvasElement, 'Pro will cost $290.00 per year instead of $29.00 per month.');
      await expect(subscriptions.queryAllByText('Calculating the price…')).toHaveLength(1);
    });
  },
};

export const ChangeWithoutPreview: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', options: { optional: { previewChange: 404 } }, ready: 'Switch to yearly billing' },
  play: async ({ canvasElement, step }) => {
    const subscriptions = await shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Ask to switch to yearly billing', async () => {
      await click(subscriptions, 'Switch to yearly billing');
    });
    await step('A service without previews: the dialog describes the change', async () => {
      await expectText(canvasElement, 'The billing service prorates the change');
    });
  },
};

export const Seats: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'seats', ready: 'Change seats' },
  play: async ({ canvasElement, step }) => {
    const redirect = nextRedirect(canvasElement);
    const subscriptions = await shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Open the seats of the Team plan', async () => {
      await click(subscriptions, 'Change seats of Team, 5 now');
    });
    await step('Type 7 seats', async () => {
      const seats = await findOne(subscriptions, 'spinbutton', 'Seats');
      await userEvent.tripleClick(seats);
      await userEvent.keyboard('7');
      await expect(seats).toHaveValue(7);
      await expectText(canvasElement, 'Due today:');
    });
    await step('Confirm: the difference is paid on Stripe\'s invoice page', async () => {
      await click(subscriptions, 'Confirm seats');
      await expect((await redirect).kind).toBe('invoice');
      await expectText(canvasElement, 'Quantity 7');
    });
  },
};

export const SaveOffer: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Cancel subscription' },
  play: async ({ canvasElement, step }) => {
    const subscriptions = await shadowCanvas(canvasElement, 'billing-subscriptions');
    await step('Start cancelling, because it is too expensive', async () => {
      await click(subscriptions, 'Cancel subscription');
      await userEvent.selectOptions(await findOne(subscriptions, 'combobox', 'Reason (optional)'), 'too_expensive');
    });
    await step('The catalog offers yearly billing and the cheaper plan', async () => {
      await expectText(canvasElement, 'Before you go: would a lower price help?');
      await expectText(canvasElement, 'Switch to yearly billing and save 17%');
    });
    await step('One click to the previewed switch to Starter', async () => {
      await click(subscriptions, 'Switch to Starter at $9.00 per month');
      await expectText(canvasElement, 'is credited to your balance.');
    });
  },
};

/** `actions="portal invoice"`: the billing details and the portal, no plan changes or cancel. */
export const BillingOnly = story({ dataset: 'active-usd', ready: 'Manage billing' }, { actions: 'portal invoice' });

/** A route such as /billing/cancel/sub_active_usd calls `openCancel()` as the panel loads. */
export const DeepLinkCancel: Story = {
  tags: ['!autodocs'],
  parameters: { dataset: 'active-usd', ready: 'Cancel your Pro subscription?' },
  play: async ({ canvasElement, step }) => {
    await step('openCancel("sub_active_usd")', async () => {
      const panel = canvasElement.querySelector('billing-panel')!;
      await expect(await panel.openCancel('sub_active_usd')).toBe(true);
    });
    await step('The cancel confirmation is open', async () => {
      await expectText(canvasElement, 'When should it end?');
    });
  },
};
