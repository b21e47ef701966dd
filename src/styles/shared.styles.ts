import { css } from 'lit';

/**
 * Theme tokens and the pieces every billing element shares. Public custom properties
 * (`--billing-*`) are read with fallbacks, so a host can theme from `:root`; the private
 * `--_b-*` ones hold the resolved values for the light and dark themes.
 */
const darkTokens = css`
  color-scheme: dark;
  --_b-accent: var(--billing-accent, #a5b4fc);
  --_b-on-accent: var(--billing-on-accent, #111827);
  --_b-text: var(--billing-text, #f3f4f6);
  --_b-muted: var(--billing-muted, #aeb4c2);
  --_b-surface: var(--billing-surface, #111827);
  --_b-subtle: var(--billing-subtle, #1f2937);
  --_b-border: var(--billing-border, #3b4556);
  --_b-danger: var(--billing-danger, #fda29b);
  --_b-danger-bg: var(--billing-danger-bg, #3a1414);
  --_b-warning: var(--billing-warning, #fec84b);
  --_b-warning-bg: var(--billing-warning-bg, #33260a);
  --_b-success: var(--billing-success, #75e0a7);
  --_b-success-bg: var(--billing-success-bg, #0b2e1f);
`;

export const sharedStyles = css`
  :host {
    display: block;
    color-scheme: light;
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .base,
  .theme-light {
    --_b-accent: var(--billing-accent, #4338ca);
    --_b-on-accent: var(--billing-on-accent, #ffffff);
    --_b-text: var(--billing-text, #1a1f36);
    --_b-muted: var(--billing-muted, #525b70);
    --_b-surface: var(--billing-surface, #ffffff);
    --_b-subtle: var(--billing-subtle, #f4f5f8);
    --_b-border: var(--billing-border, #d5d9e2);
    --_b-danger: var(--billing-danger, #b42318);
    --_b-danger-bg: var(--billing-danger-bg, #fef3f2);
    --_b-warning: var(--billing-warning, #8a4b00);
    --_b-warning-bg: var(--billing-warning-bg, #fff6e5);
    --_b-success: var(--billing-success, #05603a);
    --_b-success-bg: var(--billing-success-bg, #ecfdf3);
    --_b-radius: var(--billing-radius, 8px);
    --_b-space: var(--billing-spacing, 1rem);
    --_b-font: var(--billing-font, inherit);
    font-family: var(--_b-font);
    color: var(--_b-text);
    background: var(--_b-surface);
    line-height: 1.45;
  }
  .theme-dark {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    .theme-auto {
      ${darkTokens}
    }
  }
  h2,
  h3,
  h4 {
    margin: 0 0 calc(var(--_b-space) * 0.5);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_b-muted);
  }
  .wrap {
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .tone-success {
    color: var(--_b-success);
    background: var(--_b-success-bg);
  }
  .tone-warning {
    color: var(--_b-warning);
    background: var(--_b-warning-bg);
  }
  .tone-danger {
    color: var(--_b-danger);
    background: var(--_b-danger-bg);
  }
  .tone-neutral {
    color: var(--_b-muted);
    background: var(--_b-subtle);
  }
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
  dialog {
    border: 1px solid var(--_b-border);
    border-radius: var(--_b-radius);
    padding: 0;
    width: min(30rem, calc(100vw - 2rem));
    color: var(--_b-text);
    background: var(--_b-surface);
    font-family: var(--_b-font);
  }
  dialog::backdrop {
    background: rgb(10 15 30 / 0.55);
  }
  .dialog-body {
    padding: calc(var(--_b-space) * 1.25);
    display: grid;
    gap: calc(var(--_b-space) * 0.75);
  }
  .dialog-title {
    font-size: 1.15rem;
    margin: 0;
  }
  .dialog-actions {
    justify-content: flex-end;
  }
  fieldset {
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
    font: inherit;
    padding: 0.3rem;
    color: var(--_b-text);
    background: var(--_b-surface);
    border: 1px solid var(--_b-border);
    border-radius: calc(var(--_b-radius) * 0.5);
  }
  label.field {
    display: grid;
    gap: 0.25rem;
  }
  .notice {
    border-radius: var(--_b-radius);
    padding: calc(var(--_b-space) * 0.75);
    border: 1px solid currentColor;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_b-space) * 0.5);
    align-items: center;
    justify-content: space-between;
  }
  .notice > p {
    color: var(--_b-text);
  }
  .skeleton {
    display: block;
    border-radius: calc(var(--_b-radius) * 0.5);
    background: linear-gradient(90deg, var(--_b-subtle) 0%, var(--_b-border) 50%, var(--_b-subtle) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
    height: 1rem;
    margin: 0.5rem 0;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    .skeleton {
      animation: none !important;
      transition: none !important;
    }
  }
  .card {
    border: 1px solid var(--_b-border);
    border-radius: var(--_b-radius);
    padding: var(--_b-space);
    background: var(--_b-surface);
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_b-space) * 0.5);
    align-items: center;
  }
  .spread {
    justify-content: space-between;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_b-space) * 0.75);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0.5rem 0 0;
  }
  dt {
    color: var(--_b-muted);
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
