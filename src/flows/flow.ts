/**
 * The owner's confirmation flows — switch interval, switch plan, change seats, cancel (with
 * its save offer) — and the controller that opens them in an element. The dialogs
 * themselves load on demand (`dialogs.ts`, in the on-demand chunk); the controller loads them
 * when the owner points at or focuses the element, or at the latest when a flow opens.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { BillingError } from '../api/errors.js';
import type { ChangePreview } from '../api/schemas.js';
import type { BillingState } from '../session/state.js';
import { flowAction, type Flow } from './keys.js';
import { kit, type Kit } from './kit.js';
import { loadOnDemand, needOnDemand } from './load.js';

export type { Flow } from './keys.js';

/** The priced preview as a dialog shows it: loading, the figures, or none (not offered, failed). */
export interface PreviewView {
  pending: boolean;
  value: ChangePreview | null;
}

/** What the on-demand dialogs get from the element that shows them. */
export interface FlowContext {
  readonly kit: Kit;
  readonly host: ReactiveControllerHost;
  /** The host's shadow root (the dialogs adopt their stylesheet there). */
  readonly root: ShadowRoot;
  /** The flow on screen, if any. */
  flow(): Flow | undefined;
  state(): BillingState;
  /** Shows another flow in the same dialog (the save offer's change; with `moveFocus` false, a new quantity or reason). */
  show(flow: Flow, moveFocus?: boolean): void;
  /** The dialog closed (after its confirm button acted, if that closed it). */
  closed(): void;
  /** After the owner confirmed: say what happened and move focus (see `BillingElement.settle`). */
  settle(key: string, action: Promise<void>, settled: () => { message: string; focus: string }): void;
}

export interface FlowHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class FlowController implements ReactiveController {
  private flow: Flow | undefined;
  private view: { render(): unknown } | undefined;
  /** The session the open flow was asked of. */
  private session: unknown;

  constructor(
    private readonly host: FlowHost,
    private readonly state: () => BillingState,
    private readonly settle: FlowContext['settle'],
    private readonly failed: (flow: Flow, error: BillingError) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Intent to act: load the dialogs before the click that needs them.
    this.host.addEventListener('pointerover', this.prefetch, { once: true });
    this.host.addEventListener('focusin', this.prefetch, { once: true });
  }

  /**
   * Another account, token or service is another session: what the owner was asked about the
   * old one is not confirmed on the new one. The dialog closes, sending nothing.
   */
  hostUpdate(): void {
    if (this.flow && this.state().connection !== this.session) this.close();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerover', this.prefetch);
    this.host.removeEventListener('focusin', this.prefetch);
    this.close();
  }

  private prefetch = () => {
    if (this.state().allowed.size) loadOnDemand().catch(() => undefined);
  };

  /** Opens `flow`'s confirmation; false when the action is not offered or the dialogs could not load. */
  async open(flow: Flow): Promise<boolean> {
    if (!this.state().allowed.has(flowAction(flow))) return false;
    try {
      this.view ??= (await needOnDemand('the dialogs')).flowView({
        kit,
        host: this.host,
        root: this.host.renderRoot as ShadowRoot,
        flow: () => this.flow,
        state: this.state,
        show: (next, moveFocus = true) => {
          this.show(next);
          // Another flow in the same dialog: its first control takes the focus.
          if (moveFocus) void this.host.updateComplete.then(() => this.dialog()?.querySelector<HTMLElement>('select, input, button')?.focus());
        },
        closed: () => this.show(undefined),
        settle: this.settle,
      });
    } catch (error) {
      this.failed(flow, error as BillingError);
      return false;
    }
    this.session = this.state().connection;
    this.show(flow);
    await this.host.updateComplete;
    const dialog = this.dialog();
    // The element may have left the page, or another flow taken its place, meanwhile.
    if (!dialog || !this.host.isConnected || this.flow !== flow) return false;
    if (!dialog.open) {
      dialog.returnValue = '';
      dialog.showModal();
    }
    return true;
  }

  private show(flow: Flow | undefined): void {
    this.flow = flow;
    this.host.requestUpdate();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.flow');
  }

  /** Closes the dialog without acting (the element left the page). */
  close(): void {
    this.dialog()?.close('');
    this.flow = undefined;
  }

  render(): unknown {
    return this.flow && this.view ? this.view.render() : nothing;
  }
}
