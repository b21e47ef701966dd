import { css } from 'lit';

export const panelStyles = css`
  .base {
    border: 1px solid var(--_b-border);
    border-radius: var(--_b-radius);
    padding: var(--_b-space);
    display: grid;
    gap: var(--_b-space);
    min-width: 0;
  }
  .header h2 {
    margin: 0;
  }
  .sections {
    display: grid;
    gap: calc(var(--_b-space) * 1.5);
    min-width: 0;
  }
  /* The sections take the panel's font (their own :host stack is for when they stand alone). */
  .sections > *,
  ::slotted(*) {
    font-family: inherit;
  }
  .synced {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: flex-end;
    gap: 0 0.5rem;
    font-size: 0.875rem;
    margin: 0;
  }
  .synced button {
    font-size: inherit;
    padding-block: 0.2em;
  }
  [hidden] {
    display: none !important;
  }
`;
