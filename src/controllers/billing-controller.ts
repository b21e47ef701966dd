/**
 * The element side of a session: a thin Lit controller. On every update it reads the
 * host's configuration; when the session key changes (base URL, route style and account,
 * token or "a provider is present") it disposes the old session and starts a new one, so
 * nothing of the old configuration can reach the new. It publishes the session's state
 * as an immutable snapshot, through @lit/context when it provides.
 *
 * Nothing runs while disconnected: removal disposes the session (after the current task,
 * so that moving the element — removed and inserted at once — keeps it and does not
 * refetch). An element inside a panel uses the panel's session and runs none of its own.
 */
import { ContextProvider } from '@lit/context';
import { render, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { sampleAnswers } from '../api/schemas.js';
import { billingErrorEvent } from '../events/billing-error-event.js';
import { resolveLocale, warmUpFormats } from '../i18n/format.js';
import { useLocale } from '../i18n/localization.js';
import { allowedActions, sessionKey, type BillingConfig } from '../session/config.js';
import { toBillingError } from '../session/resources.js';
import { BillingSession } from '../session/session.js';
import { RESOURCES, type BillingConnection, type BillingState, type ResourceName, type ResourceView } from '../session/state.js';
import type { BillingError } from '../api/errors.js';
import { billingContext } from './context.js';

export interface BillingControllerOptions {
  /** The resources the host shows. */
  resources: () => readonly ResourceName[];
  /** The host's configuration now. */
  config: () => BillingConfig;
  /** True while the host uses a panel's session instead (then this controller runs nothing). */
  inherited: () => boolean;
  /** The panel provides its state to the elements inside it and finishes returning checkouts. */
  provide: boolean;
}

const IDLE: ResourceView<never> = { status: 'idle', value: undefined, error: undefined, refreshing: false };
const IDLE_MORE = { loading: false, error: undefined };
const LOCALIZED: readonly ResourceName[] = ['subscriptions', 'features', 'merchants'];

function isReactive(node: Element): node is ReactiveElement {
  return 'updateComplete' in node && 'isUpdatePending' in node;
}

/** Resolves once `host` and the billing elements inside it have rendered what they were given. */
async function rendered(host: ReactiveElement): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await host.updateComplete;
    const inside = [...(host.renderRoot as ShadowRoot).querySelectorAll('*'), ...host.querySelectorAll('*')].filter(isReactive);
    // Every one, not only those with an update pending: an element may wait for content of its own (the invoice rows).
    await Promise.all(inside.map((element) => element.updateComplete));
    if (!host.isUpdatePending && !inside.some((element) => element.isUpdatePending)) return;
  }
}

/** The sections a panel renders, warmed up once per page (`warmUpRender`; the invoice rows are on demand). */
const SECTIONS = ['billing-subscriptions', 'billing-plans', 'billing-features', 'billing-identity'];
let renderWarmedUp = false;

/**
 * Once per page, while the first requests are on their way: every section renders a tiny
 * sample state once, off the document, and the result is dropped. The first render of
 * real data in a fresh page otherwise also pays for compiling the render code and
 * preparing every Lit template on its path (80+ ms on this machine), after the last answer.
 * Nothing is connected, so no section starts a session, listens or dispatches anything.
 * One section per task: an answer arriving meanwhile waits for one section, not five.
 */
function warmUpRender(locale: string): void {
  if (renderWarmedUp) return;
  renderWarmedUp = true;
  const state = sampleState(locale);
  for (const tag of SECTIONS) setTimeout(() => renderSample(tag, state));
}

/** Every resource ready with the contract's sample answers. */
function sampleState(locale: string): BillingState {
  const answers = sampleAnswers();
  const ready = <T>(value: T): ResourceView<T> => ({ status: 'ready', value, error: undefined, refreshing: false });
  const noop = () => undefined;
  return {
    phase: 'ok',
    configError: undefined,
    locale,
    theme: 'light',
    readOnly: false,
    allowed: allowedActions({}),
    subscriptions: ready({ items: answers.subscriptions.items, hasMore: false }),
    features: ready(answers.features),
    identity: ready(answers.identity),
    merchants: ready(answers.merchants),
    invoices: ready({ items: answers.invoices.items, hasMore: false }),
    more: { subscriptions: { loading: false, error: undefined }, invoices: { loading: false, error: undefined } },
    busy: undefined,
    actionFailure: undefined,
    checkoutReturn: undefined,
    lastSynced: undefined,
    // Only read by click handlers, which never run here.
    connection: { actions: {}, retry: noop, reload: noop, loadMore: async () => undefined, previewChange: async () => null, rendered: async () => undefined, canRefreshToken: false } as unknown as BillingConnection,
  };
}

function renderSample(tag: string, state: BillingState): void {
  const element = customElements.get(tag);
  if (!element) return;
  try {
    const probe = new element() as unknown as { inherited: BillingState; render(): unknown };
    probe.inherited = state;
    render(probe.render(), document.createDocumentFragment());
  } catch {
    // a warm-up only: whatever it could not do, the real render does
  }
}

export class BillingController implements ReactiveController {
  state: BillingState;
  private session: BillingSession | undefined;
  private key = '';
  private configError: BillingError | undefined;
  private locale = 'en';
  private readonly provider: ContextProvider<typeof billingContext> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & ReactiveElement,
    private readonly options: BillingControllerOptions,
  ) {
    host.addController(this);
    this.state = this.snapshot();
    if (options.provide) this.provider = new ContextProvider(host, { context: billingContext, initialValue: this.state });
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.onPageShow);
    window.addEventListener('online', this.onOnline);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    window.removeEventListener('online', this.onOnline);
    // A move (removed and inserted in the same task) keeps the session.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.drop();
    });
  }

  hostUpdate(): void {
    this.configure();
    this.state = this.snapshot();
    this.provider?.setValue(this.state);
  }

  /** Loads every resource again (the panel's `reload()`). */
  reload(): void {
    this.session?.reload();
  }

  /** Back with the Back button from a Stripe page (bfcache): clear busy states and reload. */
  private onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || !this.session) return;
    this.session.actions.restored();
    this.session.reload();
  };

  private onOnline = () => this.session?.retryFailed();

  private drop(): void {
    this.session?.dispose();
    this.session = undefined;
    this.configError = undefined;
    this.key = '';
  }

  private configure(): void {
    if (!this.host.isConnected || this.options.inherited()) return this.drop();
    const config = this.options.config();
    const locale = resolveLocale(config.locale, this.host);
    useLocale(locale);
    const localeChanged = locale !== this.locale;
    this.locale = locale;
    const key = sessionKey(config);
    if (key === this.key) {
      if (localeChanged && this.session) void this.session.reloadResources(LOCALIZED);
      return;
    }
    this.drop();
    this.key = key;
    if (!key) return;
    try {
      this.session = new BillingSession(
        {
          config: this.options.config,
          locale: () => this.locale,
          changed: () => this.host.requestUpdate(),
          dispatch: (event) => this.host.dispatchEvent(event),
          rendered: () => rendered(this.host),
          navigate: (url) => location.assign(url),
        },
        { resources: this.options.resources(), finishCheckout: this.options.provide },
      );
      // This locale's formatters (with ICU's first use, 45–95 ms, when the page's idle
      // warm-up has not run yet) and the sections' first render: after this update has
      // rendered the loading state, while the requests are on their way.
      setTimeout(() => {
        warmUpFormats(locale);
        if (this.options.provide && this.session) warmUpRender(locale);
      });
    } catch (error) {
      this.configError = toBillingError(error);
      this.host.dispatchEvent(billingErrorEvent('configure', this.configError));
    }
  }

  /** The same set while the allow-list is the same: the sections compare states by identity. */
  private allowedNow: BillingState['allowed'] = new Set();
  private allowed(config: BillingConfig): BillingState['allowed'] {
    const next = allowedActions(config);
    const same = next.size === this.allowedNow.size && [...next].every((action) => this.allowedNow.has(action));
    return same ? this.allowedNow : (this.allowedNow = next);
  }

  private snapshot(): BillingState {
    const session = this.session;
    const config = this.options.config();
    const view = <K extends ResourceName>(name: K) => session?.resources.view(name) ?? IDLE;
    const views = {
      subscriptions: view('subscriptions'),
      features: view('features'),
      identity: view('identity'),
      merchants: view('merchants'),
      invoices: view('invoices'),
    };
    const forbidden = RESOURCES.some((name) => views[name].error?.kind === 'forbidden');
    const actions = session?.actions;
    const more = session?.resources.more ?? { subscriptions: IDLE_MORE, invoices: IDLE_MORE };
    return {
      phase: this.configError ? 'config-error' : !session ? 'unconfigured' : session.expired ? 'expired' : forbidden ? 'forbidden' : 'ok',
      configError: this.configError,
      locale: this.locale,
      theme: config.theme ?? 'light',
      readOnly: config.readOnly ?? false,
      allowed: this.allowed(config),
      ...views,
      more,
      busy: actions?.busy,
      actionFailure: actions?.failure,
      checkoutReturn: actions?.checkoutReturn,
      lastSynced: actions?.lastSynced,
      connection: session,
    };
  }
}
