import { css } from 'lit';

/** Buttons and links (the dialogs' own styles load with them: src/flows/dialogs.styles.ts). */
export const controlStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_b-radius) * 0.75);
    padding: 0.45em 1em;
    border: 1px solid var(--_b-accent);
    background: var(--_b-surface);
    color: var(--_b-accent);
    font-weight: 600;
    display: inline-block;
    visibility: visible;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  button.primary {
    background: var(--_b-accent);
    color: var(--_b-on-accent);
  }
  button:disabled,
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  button:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_b-accent);
    outline-offset: 2px;
  }
  button.danger {
    border-color: var(--_b-danger);
    color: var(--_b-danger);
  }
  /* A quiet secondary action (cancel, sync): text in the accent colour, no box. */
  button.quiet {
    border-color: transparent;
    background: none;
    padding-inline: 0.25em;
    font-weight: 500;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    color: var(--_b-muted);
  }
  button.quiet:hover {
    color: var(--_b-text);
  }
  button.primary.danger {
    background: var(--_b-danger);
    color: var(--_b-surface);
  }
  a {
    color: var(--_b-accent);
  }
  .actions {
    margin-top: 0.75rem;
  }
  .action-error {
    color: var(--_b-danger);
    margin-top: 0.5rem;
    font-weight: 600;
  }
`;
