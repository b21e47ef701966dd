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
  [hidden] {
    display: none !important;
  }
`;
