import { ContextEvent, ContextRoot } from '@lit/context';
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { BillingError } from '../api/errors.js';
import { BillingController } from '../controllers/billing-controller.js';
import { billingContext } from '../controllers/context.js';
import { contentLanguage, joinSentences } from '../i18n/localization.js';
import type { BillingConfig, Theme, TokenProvider } from '../session/config.js';
import { RESOURCES, type BillingState, type Paged, type ResourceName, type ResourceView } from '../session/state.js';
import { FlowController } from '../flows/flow.js';
import { kit } from '../flows/kit.js';
import { needOnDemand, onDemand } from '../flows/load.js';
import { flowKey } from '../flows/keys.js';
import { codeMessage, configErrorMessage, errorMessage, serviceDetail } from './messages.js';

/**
 * The shape of a loading placeholder, laid out as the content it stands for so that it has
 * its rough height at every width: `cards` cards (in a `grid`) or `rows` rows, each of
 * `lines` lines (the first a title), then `pairs` label/value pairs (side by side when
 * wide, stacked when narrow, as a `dl`), then `actions` buttons (the first full width when
 * narrow, the others quiet links); `toolbar` toggle buttons above them all.
 */
export interface Skeleton {
  cards?: number;
  rows?: number;
  lines: number;
  grid?: boolean;
  pairs?: number;
  actions?: number;
  toolbar?: number;
}

/**
 * Elements upgraded before their panel (the panel's tag defined later, or upgraded later)
 * still find it: one ContextRoot per page replays their context requests when it appears.
 */
function attachContextRoot(): void {
  const flag = Symbol.for('billing-panel.context-root');
  const root = document.documentElement as unknown as Record<symbol, unknown>;
  if (root[flag]) return;
  root[flag] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The panel's state through context, subscribed. Not @lit/context's ContextConsumer: that
 * renders its host on every new value, and a section takes a new state only when what it
 * shows changed (`BillingElement.#inherit`).
 */
class StateConsumer implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly take: (state: BillingState) => void,
  ) {}

  hostConnected(): void {
    this.host.dispatchEvent(
      new ContextEvent(
        billingContext,
        this.host,
        (state, unsubscribe) => {
          if (unsubscribe !== this.unsubscribe) this.unsubscribe?.();
          this.unsubscribe = unsubscribe;
          this.take(state);
        },
        true,
      ),
    );
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/**
 * @ignore
 * What every billing element shares: the configuration attributes, and its session —
 * the panel's (through context) when inside a `<billing-panel>`, else its own.
 */
export abstract class BillingElement extends LitElement {
  /** Attributes as the README lists them (no decorators: a static map is a third of their size in the bundle). */
  static override properties: PropertyDeclarations = {
    inherited: { state: true },
    baseUrl: { attribute: 'base-url' },
    token: {},
    accountId: { attribute: 'account-id' },
    locale: {},
    redirectHosts: { attribute: 'redirect-hosts' },
    successUrl: { attribute: 'success-url' },
    cancelUrl: { attribute: 'cancel-url' },
    returnUrl: { attribute: 'return-url' },
    theme: {},
    readOnly: { attribute: 'readonly', type: Boolean },
    actions: {},
    timeout: { type: Number },
    tokenProvider: { attribute: false },
    announcement: { state: true },
  };

  /** Whether this element provides its session to the elements inside it (the panel). */
  protected static readonly provides: boolean = false;

  /** The resources this element shows; a standalone element loads only these. */
  protected abstract readonly resources: readonly ResourceName[];

  readonly #controller: BillingController;

  /** The owner's confirmation flows (dialogs loaded on demand) shown by this element. */
  protected readonly flows: FlowController;

  /** The panel's connection state, when this element is inside a `<billing-panel>`. */
  protected inherited: BillingState | undefined;

  /** Absolute http(s) URL of the billing service (a path prefix is kept). Required. */
  baseUrl: string | undefined;

  /** The owner's bearer token (a JWT). Never reflected to the attribute, logged or put in an event. */
  token: string | undefined;

  /** When set, account-style routes `/api/accounts/{account-id}/subscriptions/…` are used. */
  accountId: string | undefined;

  /** Language of the panel (en, ja, th, zh, zh-TW…; th-u-ca-gregory for Gregorian years); default: the page's `lang`, then the browser's. */
  locale: string | undefined;

  /** Extra hosts allowed for redirects, space-separated (`pay.example.com localhost:5173`). */
  redirectHosts: string | undefined;

  /** Where Stripe Checkout returns after payment (default: the current page). */
  successUrl: string | undefined;

  /** Where Stripe Checkout returns when the owner goes back (default: the current page). */
  cancelUrl: string | undefined;

  /** Where the Customer Portal returns (default: the current page). */
  returnUrl: string | undefined;

  /** `light` (default), `dark`, or `auto` (follows prefers-color-scheme). */
  theme: Theme | undefined;

  /** Shows the billing state without any action. */
  readOnly = false;

  /**
   * The owner actions offered, space-separated: `checkout portal invoice sync change cancel
   * resume` (default: all). `actions="portal invoice"` is a billing-only panel; `readonly`
   * offers none. Inside a panel, the panel's list applies.
   */
  actions: string | undefined;

  /** How long one request may take, in milliseconds, before it fails as a timeout (default 15000). */
  timeout: number | undefined;

  /**
   * Returns a fresh token. Called when there is no token, when the JWT's `exp` has passed,
   * and once after a 401 before the request is repeated.
   */
  tokenProvider: TokenProvider | undefined;

  constructor() {
    super();
    attachContextRoot();
    this.addController(new StateConsumer(this, (state) => this.#inherit(state)));
    updateWhenLocaleChanges(this);
    const provide = (this.constructor as typeof BillingElement).provides;
    if (provide) {
      // The panel provides its own session: its own context request (from the base class)
      // goes nowhere, so that the ContextRoot does not keep it waiting (a panel created and
      // removed a thousand times would leave a thousand waiting requests behind).
      this.addEventListener('context-request', (event) => {
        if (event.context === billingContext && (event.contextTarget ?? event.composedPath()[0]) === this) event.stopPropagation();
      });
    }
    this.#controller = new BillingController(this, {
      resources: () => this.resources,
      config: () => this.#config(),
      inherited: () => !provide && this.inherited !== undefined,
      provide,
    });
    this.flows = new FlowController(
      this,
      () => this.billing,
      (key, action, settled) => this.settle(key, action, settled),
      (flow, error) => this.billing.connection?.actions.fail(flowKey(flow), 'openDialog', error),
    );
  }

  /**
   * Inside a panel every answer brings a new state: a section takes it (and renders again)
   * only when what it shows changed — its resources, or what every section reads (phase,
   * locale, busy…). Other reasons to render (a new catalog, a dialog) are untouched.
   */
  #inherit(now: BillingState): void {
    const before = this.inherited;
    const shown = (key: string) => !(RESOURCES as readonly string[]).includes(key) || this.resources.includes(key as ResourceName);
    const same = before && Object.keys(now).every((key) => !shown(key) || now[key as keyof BillingState] === before[key as keyof BillingState]);
    if (!same) this.inherited = now;
  }

  /** The state this element renders: the panel's when inside one, else its own session's. */
  protected get billing(): BillingState {
    return this.inside ? this.inherited! : this.#controller.state;
  }

  /** Inside a panel (using its session), not on its own. */
  protected get inside(): boolean {
    return !(this.constructor as typeof BillingElement).provides && this.inherited !== undefined;
  }

  /** Loads every resource of this element's own session again. */
  protected reloadSession(): void {
    this.#controller.reload();
  }

  #config(): BillingConfig {
    return {
      baseUrl: this.baseUrl,
      token: this.token,
      accountId: this.accountId,
      tokenProvider: this.tokenProvider,
      locale: this.locale,
      theme: this.theme,
      readOnly: this.readOnly,
      actions: this.actions,
      timeout: this.timeout,
      redirectHosts: this.redirectHosts,
      successUrl: this.successUrl,
      cancelUrl: this.cancelUrl,
      returnUrl: this.returnUrl,
    };
  }

  /**
   * A section: nothing until there is state; the blocking message (not configured, expired,
   * owner only) when standalone — inside a panel the panel says it once; else its content.
   */
  protected renderSection(id: string, title: string, content: (state: BillingState) => unknown): unknown {
    const state = this.billing;
    if (state.phase !== 'ok') return this.inside ? nothing : this.renderPhase(state);
    return html`<section class="base ${this.themeClass()}" part="base" lang=${contentLanguage(state.locale)} aria-labelledby=${id}>
      ${this.heading(0, id, title)} ${content(state)}
    </section>`;
  }

  /** Skeleton, error with retry, or the content of one resource; `failed` is the sentence saying it could not load. */
  protected renderResource<T>(
    name: ResourceName,
    view: ResourceView<T>,
    failed: string,
    content: (value: T) => unknown,
    skeleton: Skeleton = { cards: 1, lines: 4 },
  ): unknown {
    if (view.status === 'error' && view.error) return this.renderError(name, view.error, failed);
    if (view.value === undefined) {
      return html`<div class="loading" aria-busy="true">
        <span class="visually-hidden">${msg('Loading…')}</span>
        ${this.renderSkeleton(skeleton)}
      </div>`;
    }
    return content(view.value);
  }

  /** A placeholder with the shape and rough height of the content (see `Skeleton`). */
  private renderSkeleton({ cards = 0, rows = 0, lines, grid = false, pairs = 0, actions = 0, toolbar = 0 }: Skeleton): TemplateResult {
    const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
    const shape = (kind = '') => html`<span class="skeleton ${kind}" part="skeleton"></span>`;
    const block = () => html`${times(lines, (i) => shape(i === 0 ? 'skeleton-title' : ''))}
      ${pairs ? html`<div class="skeleton-pairs">${times(pairs, () => html`${shape('skeleton-term')}${shape()}`)}</div>` : nothing}
      ${actions ? html`<div class="skeleton-actions">${times(actions, (i) => shape(i === 0 ? 'skeleton-button' : 'skeleton-button quiet'))}</div>` : nothing}`;
    const bar = toolbar ? html`<div class="skeleton-actions skeleton-toolbar">${times(toolbar, () => shape('skeleton-button toggle'))}</div>` : nothing;
    if (cards) {
      return html`${bar}<div class="skeleton-cards ${grid ? 'grid' : ''}">${times(cards, () => html`<div class="card">${block()}</div>`)}</div>`;
    }
    return html`${bar}${times(rows || 1, () => html`<div class="skeleton-row">${block()}</div>`)}`;
  }

  /** What had the keyboard focus in this element when an update began. */
  private focusedBefore: Element | null | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.focusedBefore = this.shadowRoot?.activeElement;
  }

  /**
   * When the focused control went away with this render — Try again gave way to the skeleton,
   * the last "Show more" was used, a dialog closed for another account — the focus goes to
   * this element's heading instead of the page's body.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const was = this.focusedBefore;
    this.focusedBefore = undefined;
    if (!was || was.isConnected || document.activeElement !== document.body) return;
    const heading = this.renderRoot.querySelector<HTMLElement>('h2,h3,h4,h5');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }

  /** A resource's error with Try again (`retry`: loads the resource again unless given). */
  protected renderError(name: ResourceName, error: BillingError, failed: string, retry?: () => void): TemplateResult {
    const connection = this.billing.connection;
    return html`<div class="notice tone-danger" role="alert" part="error">
      <p>${errorMessage(error, failed)}${serviceDetail(error)}</p>
      ${connection
        ? html`<button type="button" part="button retry" @click=${retry ?? (() => connection.retry(name))}>${msg('Try again')}</button>`
        : nothing}
    </div>`;
  }

  /** "Show more" of a paged list (`label`), and why its last page did not load (`failed`). */
  protected renderMore(name: Paged, hasMore: boolean, label: string, failed: string): unknown {
    const { more, connection } = this.billing;
    const { loading, error } = more[name];
    return html`${error ? this.renderError(name, error, failed) : nothing}
      ${hasMore
        ? // aria-disabled, not disabled, while the page loads: a disabled button would drop the focus to the page's body.
          html`<button type="button" class="more" part="button" aria-busy=${loading ? 'true' : 'false'} aria-disabled=${loading ? 'true' : 'false'} @click=${() => loading || void connection?.loadMore(name)}>
            ${label}
          </button>`
        : nothing}`;
  }

  /** The message of a state that blocks every section: not configured, expired, not the owner. */
  protected renderPhase(state: BillingState): TemplateResult {
    const notice = (tone: string, text: string, retry = false) =>
      html`<div class="base ${this.themeClass()}" part="base" lang=${contentLanguage(state.locale)}>
        <div class="notice tone-${tone}" part="notice" role=${tone === 'danger' ? 'alert' : 'status'}>
          <p>${text}</p>
          ${retry
            ? html`<button type="button" part="button" @click=${() => state.connection?.reload()}>${msg('Try again')}</button>`
            : nothing}
        </div>
      </div>`;
    switch (state.phase) {
      case 'unconfigured':
        return notice('neutral', msg('Billing is not configured: set base-url and a token (or tokenProvider).'));
      case 'config-error':
        return notice('danger', joinSentences(msg('Billing is not configured correctly.'), configErrorMessage(state.configError)));
      case 'expired':
        // Trying again helps only when a tokenProvider can give a new token.
        return notice('warning', msg('Your session has expired. Sign in again to manage billing.'), state.connection?.canRefreshToken ?? false);
      case 'forbidden':
        return notice('warning', msg('Only the account owner can manage billing.'));
      default:
        return html``;
    }
  }

  protected themeClass(): string {
    return `theme-${this.billing.theme ?? this.theme ?? 'light'}`;
  }

  /**
   * An action control: busy on the one acting, all others disabled while any action runs. The
   * one acting is `aria-disabled` and ignores clicks instead, so that it keeps the focus (a
   * disabled button drops it to the page's body). `name` is the accessible name when the
   * visible label needs its context (the plan, its price); `quiet` is a secondary action
   * drawn as text (cancel).
   */
  protected actionButton(
    key: string,
    label: string,
    onClick: () => void,
    extra: { primary?: boolean; danger?: boolean; quiet?: boolean; name?: string; describedBy?: string } = {},
  ): TemplateResult {
    const busy = this.billing.busy;
    return html`<button
      type="button"
      part="button action"
      class="${extra.primary ? 'primary' : ''} ${extra.danger ? 'danger' : ''} ${extra.quiet ? 'quiet' : ''}"
      data-action=${key}
      aria-label=${extra.name ?? nothing}
      aria-describedby=${extra.describedBy ?? nothing}
      aria-busy=${busy === key ? 'true' : 'false'}
      aria-disabled=${busy === key ? 'true' : nothing}
      ?disabled=${busy !== undefined && busy !== key}
      @click=${busy === undefined ? onClick : nothing}
    >
      ${label}
    </button>`;
  }

  /** The failure of one of `keys`, said in plain language next to its control; `failed` names what could not be done, as a sentence. */
  protected renderActionFailure(keys: readonly string[], failed: (key: string) => string): unknown {
    const failure = this.billing.actionFailure;
    if (!failure || !keys.includes(failure.key)) return nothing;
    return html`<p class="action-error" role="alert" part="action-error">
      ${onDemand()?.actionErrorMessage(kit, failure.error, failed(failure.key)) ??
      // Without the chunk's words: why. The confirmation of a return from Checkout, which the
      // owner did not ask for here, also says what could not be done.
      (failure.key === 'checkout-sync' ? errorMessage(failure.error, failed(failure.key)) : (codeMessage(failure.error.code) ?? failed(failure.key)))}${serviceDetail(failure.error)}
    </p>`;
  }

  /** What the last confirmed action did, for the live region (`renderLive`). */
  protected announcement = '';

  /** After an action the owner confirmed: the live region and the focus (`flows/settle.ts`, on demand). */
  protected settle(key: string, action: Promise<void>, settled: () => { message: string; focus: string }): void {
    const connection = this.billing.connection;
    const host = { element: this, state: () => this.billing, announce: (message: string) => (this.announcement = message) };
    needOnDemand('the announcement').then(
      (chunk) => chunk.settle(host, connection, key, action, settled),
      () => undefined, // the action itself goes on; only its announcement is lost
    );
  }

  /** The live region of this element's confirmed actions. */
  protected renderLive(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  /** Headings sit one level below the panel's "Billing" (h2), or at h2 when standalone. */
  protected heading(offset: number, id: string, content: unknown, part = 'heading'): TemplateResult {
    switch ((this.inside ? 3 : 2) + offset) {
      case 2:
        return html`<h2 id=${id || nothing} part=${part} class=${part}>${content}</h2>`;
      case 3:
        return html`<h3 id=${id || nothing} part=${part} class=${part}>${content}</h3>`;
      case 4:
        return html`<h4 id=${id || nothing} part=${part} class=${part}>${content}</h4>`;
      default:
        return html`<h5 id=${id || nothing} part=${part} class=${part}>${content}</h5>`;
    }
  }
}
