/** The owner's confirmation flows, and the action and control each reports on. */
import type { Plan, Price, Subscription } from '../api/schemas.js';
import type { OwnerAction } from '../events/billing-action-event.js';

export type Flow =
  | { kind: 'interval'; sub: Subscription; price: Price }
  | { kind: 'plan'; sub: Subscription; plan: Plan; price: Price; key?: string }
  | { kind: 'seats'; sub: Subscription; quantity: number }
  | { kind: 'cancel'; sub: Subscription; reason?: string };

/** The action a flow ends in (the `actions` allow-list decides whether it is offered). */
export const flowAction = (flow: Flow): OwnerAction => (flow.kind === 'cancel' ? 'cancel' : 'change');

/** The control a flow's action reports on (busy, failure, focus after a failure). */
export function flowKey(flow: Flow): string {
  switch (flow.kind) {
    case 'plan':
      return flow.key ?? `change:${flow.sub.id}`;
    case 'seats':
      return `seats:${flow.sub.id}`;
    case 'cancel':
      return `cancel:${flow.sub.id}`;
    default:
      return `change:${flow.sub.id}`;
  }
}
