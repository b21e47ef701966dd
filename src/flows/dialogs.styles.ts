import { adoptable } from './adopt.js';

/** The confirmation dialogs' styles, adopted by each shadow root that shows a dialog. */
export const adoptDialogStyles = adoptable(`
  dialog {
    border: 1px solid var(--_b-border);
    border-radius: var(--_b-radius);
    padding: 0;
    width: min(30rem, calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    overflow: auto;
    accent-color: var(--_b-accent);
    color: var(--_b-text);
    background: var(--_b-surface);
    font-family: var(--_b-font);
  }
  dialog::backdrop {
    background: rgb(10 15 30 / 0.55);
  }
  .dialog-body {
    min-width: 0;
    overflow-wrap: anywhere;
    padding: calc(var(--_b-space) * 1.25);
    display: grid;
    gap: calc(var(--_b-space) * 0.75);
  }
  .dialog-title {
    font-size: 1.15rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    justify-content: flex-end;
  }
  .dialog-actions > button {
    flex: 1 1 10rem;
  }
  fieldset {
    min-width: 0;
    border: 1px solid var(--_b-border);
    border-radius: calc(var(--_b-radius) * 0.75);
    margin: 0;
    padding: 0.5rem 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: start;
  }
  .choice .hint {
    grid-column: 2;
    color: var(--_b-muted);
  }
  select {
    width: 100%;
    max-width: 100%;
    min-width: 0;
    font: inherit;
    padding: 0.3rem;
    color: var(--_b-text);
    background: var(--_b-surface);
    border: 1px solid var(--_b-border);
    border-radius: calc(var(--_b-radius) * 0.5);
  }
  label.field {
    min-width: 0;
    display: grid;
    gap: 0.25rem;
  }
  input[type='number'] {
    font: inherit;
    width: 7rem;
    max-width: 100%;
    padding: 0.3rem;
    color: var(--_b-text);
    background: var(--_b-surface);
    border: 1px solid var(--_b-border);
    border-radius: calc(var(--_b-radius) * 0.5);
  }
  .preview {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem;
    border-radius: calc(var(--_b-radius) * 0.75);
    background: var(--_b-subtle);
  }
  .preview p {
    margin: 0;
  }
  .preview-total {
    font-weight: 600;
  }
  .preview-lines li {
    gap: 0.75rem;
    color: var(--_b-muted);
    font-size: 0.9em;
  }
  .preview-lines li > :last-child {
    white-space: nowrap;
  }
  .offer {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_b-border);
    border-radius: calc(var(--_b-radius) * 0.75);
  }
  .offer p {
    margin: 0;
  }
`);
