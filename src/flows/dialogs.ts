/**
 * The confirmation dialogs, loaded on demand (see `kit.ts` for why this module imports
 * types only). One native modal per element: its content is the flow on screen — switch
 * interval, switch plan, change seats, cancel with its save offer. Dismissing it (Esc, the
 * dismiss button, a click on the backdrop) changes nothing; only its confirm button acts.
 * A change shows Stripe's priced preview when the service offers one, else the
 * description of the change and how it is prorated. The preview is a @lit/task of the
 * element: a new quantity aborts the preview of the old one.
 *
 * @lit/task lives only here: its one import from @lit/reactive-element (`notEqual`) is
 * given its own copy at build time (vite.config.ts), so this chunk stays self-contained.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ChangeRequest } from '../api/client.js';
import type { ChangePreview, Subscription } from '../api/schemas.js';
import type { BillingState } from '../session/state.js';
import type { FlowContext, PreviewView } from './flow.js';
import type { Flow } from './keys.js';
import type { Kit } from './kit.js';
import { adoptDialogStyles } from './dialogs.styles.js';

/** What one render of a flow's dialog works with. */
interface FlowApi extends Omit<FlowContext, 'flow' | 'state'> {
  readonly flow: Flow;
  /** The state this render shows. */
  readonly state: BillingState;
  /** The state now (after an action reloaded it). */
  latest(): BillingState;
  readonly key: string;
  readonly preview: PreviewView;
}

/** Seats typed or stepped in a row are previewed once they settle. */
const QUANTITY_SETTLE_MS = 300;

/** The change a flow asks for (the body of the preview and of the change itself). */
function changeOf(flow: Flow): ChangeRequest | undefined {
  switch (flow.kind) {
    case 'interval':
      return { interval: flow.price.interval as 'month' | 'year' };
    case 'plan':
      return { price_id: flow.price.id };
    case 'seats':
      // Nothing to price until there is another whole number of seats.
      return Number.isInteger(flow.quantity) && flow.quantity >= 1 && flow.quantity !== flow.sub.quantity ? { quantity: flow.quantity } : undefined;
    default:
      return undefined;
  }
}



/** Stripe's cancellation feedback values, in words. */
function reasonLabel({ msg }: Kit, reason: string): string {
  switch (reason) {
    case 'too_expensive':
      return msg('It is too expensive');
    case 'missing_features':
      return msg('Features I need are missing');
    case 'switched_service':
      return msg('I switched to another service');
    case 'unused':
      return msg('I do not use it enough');
    case 'customer_service':
      return msg('Customer service was not good enough');
    case 'too_complex':
      return msg('It is too complicated');
    case 'low_quality':
      return msg('Quality was lower than expected');
    default:
      return msg('Another reason');
  }
}

/** The dismiss button of a change dialog (interval, plan, seats). */
function dontChange({ msg }: Kit): string {
  return msg("Don't change", { desc: 'Closes a change dialog (interval, plan or seats) without changing anything; not "Cancel", which reads as cancelling the subscription.' });
}

/** What every plan or interval change says about money. */
function prorationNote({ msg }: Kit): string {
  return msg('The billing service prorates the change: you may be asked to pay the difference now on a Stripe page.', {
    desc: 'Shown before a plan or interval change. The difference is paid now, on a Stripe page the panel opens.',
  });
}

type Settled = { message: string; focus: string };
interface Dialog {
  title: string;
  body: unknown;
  confirm: string;
  dismiss: string;
  danger?: boolean;
  /** The confirm button is disabled (nothing to confirm yet). */
  blocked?: boolean;
  onConfirm: (form: HTMLFormElement) => void;
}

const nameOf = (api: FlowApi, sub: Subscription | undefined) => sub?.plan?.name || api.kit.msg('Subscription');
const current = (api: FlowApi, id: string) => api.latest().subscriptions.value?.items.find((s) => s.id === id);
const cardOf = (sub: Subscription) => `[data-subscription-id="${sub.id}"]`;

/** After a plan, interval or seat change: the new price, focus on the card. */
function changed(api: FlowApi, flow: Exclude<Flow, { kind: 'cancel' }>, focus: string): () => Settled {
  const { msg, str, formatPrice } = api.kit;
  return () => {
    const now = current(api, flow.sub.id);
    const price = now?.price ?? (flow.kind === 'seats' ? flow.sub.price : flow.price);
    const name = nameOf(api, now ?? flow.sub);
    return {
      message:
        flow.kind === 'seats'
          ? msg(str`Seats on your ${name} subscription: ${now?.quantity ?? flow.quantity}.`)
          : msg(str`Your ${name} subscription is now ${price ? formatPrice(price, api.state.locale) : ''}.`, {
              desc: 'Announced after a plan or interval change, with the new price ("$290.00 per year").',
            }),
      focus,
    };
  };
}

/** Stripe's figures for a change: due now, the lines behind it, the next regular charge. */
function renderPreview(api: FlowApi, fallback: unknown): unknown {
  const { html, nothing, msg, str, formatMoney, formatDate } = api.kit;
  const { pending, value } = api.preview;
  const locale = api.state.locale;
  if (pending) {
    return html`<div class="preview" aria-busy="true" part="preview">
      <span class="visually-hidden">${msg('Calculating the price…')}</span>
      <span class="skeleton skeleton-title" part="skeleton"></span><span class="skeleton" part="skeleton"></span><span class="skeleton" part="skeleton"></span>
    </div>`;
  }
  if (!value) return fallback;
  const money = (amount: number) => formatMoney(amount, value.currency, locale);
  const preview: ChangePreview = value;
  return html`<div class="preview" part="preview">
    <p class="preview-total">
      ${preview.amount_due < 0
        ? msg(str`${money(-preview.amount_due)} is credited to your balance.`, { desc: 'Priced preview of a change that costs less: the credit the owner gets now.' })
        : msg(str`Due today: ${money(preview.amount_due)}`, { desc: 'Priced preview of a change: what the owner pays now.' })}
    </p>
    ${preview.lines.length
      ? html`<ul class="preview-lines plain">
          ${preview.lines.map((line) => html`<li class="row spread"><span class="wrap">${line.description}</span><span>${money(line.amount)}</span></li>`)}
        </ul>`
      : nothing}
    ${preview.next_amount_due !== null
      ? html`<p class="muted">
          ${preview.next_payment_at
            ? msg(str`Then ${money(preview.next_amount_due)} on ${formatDate(preview.next_payment_at, locale)}.`, { desc: 'Priced preview of a change: the next regular charge and its date.' })
            : msg(str`Then ${money(preview.next_amount_due)} per billing period.`, { desc: 'Priced preview of a change: the next regular charge, without a date.' })}
        </p>`
      : nothing}
  </div>`;
}

function intervalDialog(api: FlowApi, flow: Extract<Flow, { kind: 'interval' }>): Dialog {
  const { html, nothing, msg, str, formatPrice } = api.kit;
  const { sub, price } = flow;
  const locale = api.state.locale;
  return {
    title: price.interval === 'year' ? msg('Switch to yearly billing?') : msg('Switch to monthly billing?'),
    body: html`<p>${sub.price ? msg(str`${nameOf(api, sub)} will cost ${formatPrice(price, locale)} instead of ${formatPrice(sub.price, locale)}.`) : nothing}</p>
      ${renderPreview(api, html`<p class="muted">${prorationNote(api.kit)}</p>`)}`,
    confirm: msg('Confirm switch'),
    dismiss: dontChange(api.kit),
    onConfirm: () => {
      api.settle(api.key, api.state.connection!.actions.change(sub, { interval: price.interval as 'month' | 'year' }), changed(api, flow, cardOf(sub)));
    },
  };
}

function planDialog(api: FlowApi, flow: Extract<Flow, { kind: 'plan' }>): Dialog {
  const { html, msg, str, formatPrice } = api.kit;
  const { sub, plan, price } = flow;
  return {
    title: msg(str`Switch to ${plan.name}?`),
    body: html`<p>${msg(str`Your ${nameOf(api, sub)} subscription will change to ${plan.name} at ${formatPrice(price, api.state.locale)}.`)}</p>
      ${renderPreview(api, html`<p class="muted">${prorationNote(api.kit)}</p>`)}`,
    confirm: msg('Confirm switch'),
    dismiss: dontChange(api.kit),
    onConfirm: () => {
      // From a plan card (its own key and card), or from the save offer of a subscription.
      const focus = flow.key ? `[data-plan-id="${plan.id}"]` : cardOf(sub);
      api.settle(api.key, api.state.connection!.actions.change(sub, { price_id: price.id }, api.key), changed(api, flow, focus));
    },
  };
}

/** The seat bounds of a price: Stripe's `adjustable_quantity`, at least 1. */
function seatBounds(sub: Subscription): { min: number; max: number } {
  const adjustable = sub.price?.adjustable_quantity;
  const min = Math.max(1, adjustable?.minimum ?? 1);
  return { min, max: Math.max(min, adjustable?.maximum ?? 9999) };
}

function seatsDialog(api: FlowApi, flow: Extract<Flow, { kind: 'seats' }>): Dialog {
  const { html, nothing, msg, str } = api.kit;
  const { sub, quantity } = flow;
  const { min, max } = seatBounds(sub);
  const valid = Number.isInteger(quantity) && quantity >= min && quantity <= max;
  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    api.show({ kind: 'seats', sub, quantity: input.valueAsNumber }, false);
  };
  return {
    title: msg(str`Change seats of ${nameOf(api, sub)}`),
    body: html`<label class="field">
        <span>${msg('Seats')}</span>
        <input type="number" name="quantity" inputmode="numeric" min=${min} max=${max} step="1" value=${Number.isFinite(quantity) ? quantity : sub.quantity} required @input=${onInput} aria-describedby="seats-hint" />
      </label>
      <p class="muted" id="seats-hint">${msg(str`You have ${sub.quantity} now. Choose from ${min} to ${max}.`, { desc: 'Under the seat count of a change: the current number of seats and the bounds.' })}</p>
      ${!valid ? html`<p class="action-error" role="alert">${msg(str`Choose a number of seats from ${min} to ${max}.`)}</p>` : quantity === sub.quantity ? nothing : renderPreview(api, nothing)}`,
    confirm: msg('Confirm seats'),
    dismiss: dontChange(api.kit),
    blocked: !valid || quantity === sub.quantity,
    onConfirm: () => {
      if (!valid || quantity === sub.quantity) return;
      api.settle(api.key, api.state.connection!.actions.change(sub, { quantity }, api.key), changed(api, flow, cardOf(sub)));
    },
  };
}

/** The cancel flow's save offer: yearly billing with its saving, or the next cheaper plan. */
function saveOffer(api: FlowApi, flow: Extract<Flow, { kind: 'cancel' }>): unknown {
  const { html, nothing, msg, str, formatPrice, yearlySaving, alternatePrice, cheaperPlan } = api.kit;
  const { sub, reason } = flow;
  const state = api.state;
  if ((reason !== 'too_expensive' && reason !== 'unused') || !state.allowed.has('change')) return nothing;
  const yearly = sub.price?.interval === 'month' ? alternatePrice(sub, state) : undefined;
  const saving = yearlySaving(sub.price ?? undefined, yearly);
  const cheaper = cheaperPlan(sub, state);
  if (!(yearly && saving > 0) && !cheaper) return nothing;
  const offer = (label: string, next: Flow) =>
    html`<button type="button" part="button" @click=${() => api.show(next)}>${label}</button>`;
  return html`<div class="offer" role="group" aria-labelledby="offer-title" part="save-offer">
    <p id="offer-title"><strong>${msg('Before you go: would a lower price help?')}</strong></p>
    <div class="row">
      ${yearly && saving > 0
        ? offer(msg(str`Switch to yearly billing and save ${saving}%`, { desc: 'Save offer in the cancel dialog: pay yearly instead, with the saving in percent.' }), { kind: 'interval', sub, price: yearly })
        : nothing}
      ${cheaper
        ? offer(msg(str`Switch to ${cheaper.plan.name} at ${formatPrice(cheaper.price, state.locale)}`, { desc: 'Save offer in the cancel dialog: a cheaper plan of the same merchant, with its price.' }), {
            kind: 'plan',
            sub,
            plan: cheaper.plan,
            price: cheaper.price,
          })
        : nothing}
    </div>
  </div>`;
}

function cancelDialog(api: FlowApi, flow: Extract<Flow, { kind: 'cancel' }>): Dialog {
  const { html, msg, str, formatDate, CANCEL_REASONS } = api.kit;
  const { sub } = flow;
  const end = sub.cancel_at ?? sub.current_period_end;
  const locale = api.state.locale;
  const onReason = (event: Event) => api.show({ ...flow, reason: (event.target as HTMLSelectElement).value }, false);
  return {
    title: msg(str`Cancel your ${nameOf(api, sub)} subscription?`),
    body: html`<fieldset>
        <legend>${msg('When should it end?')}</legend>
        <label class="choice">
          <input type="radio" name="timing" value="period_end" checked />
          <span>${msg('At the end of the billing period')}</span>
          <span class="hint"
            >${end
              ? msg(str`You keep access until ${formatDate(end, locale)}. Nothing more is charged.`)
              : msg('You keep access until the period ends. Nothing more is charged.')}</span
          >
        </label>
        <label class="choice">
          <input type="radio" name="timing" value="immediately" />
          <span>${msg('Immediately')}</span>
          <span class="hint">${msg('Access ends now. Nothing more is charged, and the unused time is not refunded automatically.')}</span>
        </label>
      </fieldset>
      <label class="field">
        <span>${msg('Reason (optional)')}</span>
        <select name="reason" @change=${onReason}>
          <option value="">${msg('Prefer not to say')}</option>
          ${CANCEL_REASONS.map((reason) => html`<option value=${reason} ?selected=${reason === flow.reason}>${reasonLabel(api.kit, reason)}</option>`)}
        </select>
      </label>
      ${saveOffer(api, flow)}`,
    confirm: msg('Confirm cancellation'),
    dismiss: msg('Keep subscription'),
    danger: true,
    onConfirm: (form) => {
      const data = new FormData(form);
      const timing = data.get('timing') === 'immediately' ? 'immediately' : 'period_end';
      const reason = String(data.get('reason') ?? '');
      const action = api.state.connection!.actions.cancel(sub, reason ? { timing, reason } : { timing });
      api.settle(api.key, action, () => {
        const now = current(api, sub.id);
        const ends = now && now.status !== 'canceled' && now.status !== 'incomplete_expired' ? (now.cancel_at ?? now.current_period_end) : null;
        return ends
          ? { message: msg(str`Your ${nameOf(api, now)} subscription ends on ${formatDate(ends, api.state.locale)}.`), focus: `[data-action="resume:${sub.id}"]` }
          : { message: msg(str`Your ${nameOf(api, now ?? sub)} subscription has ended.`), focus: cardOf(sub) };
      });
    },
  };
}

function dialogOf(api: FlowApi): Dialog {
  const flow = api.flow;
  switch (flow.kind) {
    case 'interval':
      return intervalDialog(api, flow);
    case 'plan':
      return planDialog(api, flow);
    case 'seats':
      return seatsDialog(api, flow);
    default:
      return cancelDialog(api, flow);
  }
}

/** The dialogs of one element: the modal of the flow on screen, with its priced preview. */
export function flowView(context: FlowContext): { render(): unknown } {
  adoptDialogStyles(context.root);
  let previous: Flow | undefined;
  const preview = new Task(context.host, {
    task: async ([flow], { signal }) => {
      const body = flow && changeOf(flow);
      const connection = context.state().connection;
      const before = previous;
      previous = flow;
      if (!flow || !body || !connection) return null;
      // Another quantity of the same seat change: wait until the owner stops stepping.
      if (flow.kind === 'seats' && before?.kind === 'seats' && before.sub.id === flow.sub.id) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, QUANTITY_SETTLE_MS);
          signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
        });
      }
      return connection.previewChange(flow.sub.id, body, signal);
    },
    args: () => [context.flow()] as const,
  });
  return {
    render() {
      const flow = context.flow();
      if (!flow) return context.kit.nothing;
      const pending = preview.status === TaskStatus.PENDING || preview.status === TaskStatus.INITIAL;
      const priced = changeOf(flow) !== undefined;
      return flowDialog({
        ...context,
        flow,
        state: context.state(),
        latest: context.state,
        key: context.kit.flowKey(flow),
        preview: { pending: priced && pending, value: priced && !pending ? (preview.value ?? null) : null },
      });
    },
  };
}

/** The modal of the flow on screen. */
function flowDialog(api: FlowApi): unknown {
  const { html } = api.kit;
  const dialog = dialogOf(api);
  // The confirm button acts as it submits (synchronously, before the dialog closes), so a
  // dialog opened again at once cannot lose or repeat it. Enter in a field (the seats) does
  // nothing: the form's implicit submission would press its first button, which dismisses
  // the dialog and loses what the owner typed; confirming takes the confirm button.
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as Element).localName === 'input') event.preventDefault();
  };
  const onSubmit = (event: SubmitEvent) => {
    if ((event.submitter as HTMLButtonElement | null)?.value === 'confirm' && !dialog.blocked) dialog.onConfirm(event.target as HTMLFormElement);
  };
  const onClose = (event: Event) => {
    const element = event.target as HTMLDialogElement;
    if (element.open) return; // opened again before this close was delivered
    element.querySelector('form')?.reset();
    api.closed();
  };
  // A click whose target is the dialog itself landed on the backdrop (the form fills the box).
  const onClick = (event: MouseEvent) => {
    const element = event.currentTarget as HTMLDialogElement;
    if (event.target === element) element.close('');
  };
  /* eslint-disable lit-a11y/click-events-have-key-events -- the backdrop click mirrors Esc, which the native dialog handles */
  return html`<dialog class="flow flow-${api.flow.kind}" part="dialog" aria-labelledby="flow-title" closedby="any" @close=${onClose} @click=${onClick}>
    <form method="dialog" class="dialog-body" @submit=${onSubmit} @keydown=${onKeydown}>
      <h2 id="flow-title" class="dialog-title">${dialog.title}</h2>
      ${dialog.body}
      <div class="row dialog-actions">
        <button value="dismiss" part="button">${dialog.dismiss}</button>
        <button value="confirm" part="button" class="primary ${dialog.danger ? 'danger' : ''}" ?disabled=${dialog.blocked ?? false}>${dialog.confirm}</button>
      </div>
    </form>
  </dialog>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}
