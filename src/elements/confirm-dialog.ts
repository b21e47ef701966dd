import { html, type TemplateResult } from 'lit';

export interface ConfirmDialogOptions {
  id: string;
  title: string;
  body: unknown;
  confirm: string;
  dismiss: string;
  danger?: boolean;
  onConfirm: (form: HTMLFormElement) => void;
}

/**
 * A native modal confirmation. Dismissing it (Esc, the dismiss button, a click on the
 * backdrop) closes it with no action; only the confirm button calls `onConfirm`.
 */
export function confirmDialog(options: ConfirmDialogOptions): TemplateResult {
  const onClose = (event: Event) => {
    const dialog = event.target as HTMLDialogElement;
    if (dialog.returnValue === 'confirm') options.onConfirm(dialog.querySelector('form')!);
  };
  // A click whose target is the dialog itself landed on the backdrop (the form fills the box).
  const onClick = (event: MouseEvent) => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target === dialog) dialog.close('');
  };
  /* eslint-disable lit-a11y/click-events-have-key-events -- the backdrop click mirrors Esc, which the native dialog handles */
  return html`<dialog id=${options.id} part="dialog" aria-labelledby="${options.id}-title" closedby="any" @close=${onClose} @click=${onClick}>
    <form method="dialog" class="dialog-body">
      <h2 id="${options.id}-title" class="dialog-title">${options.title}</h2>
      ${options.body}
      <div class="row dialog-actions">
        <button value="dismiss" part="button">${options.dismiss}</button>
        <button value="confirm" part="button" class="primary ${options.danger ? 'danger' : ''}">${options.confirm}</button>
      </div>
    </form>
  </dialog>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}

/** Opens dialog `id` of `root` as a modal. */
export function openModal(root: ParentNode, id: string): void {
  const dialog = root.querySelector<HTMLDialogElement>(`#${id}`);
  if (!dialog || dialog.open) return;
  dialog.returnValue = '';
  dialog.showModal();
}
