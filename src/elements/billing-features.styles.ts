import { css } from 'lit';

export const featuresStyles = css`
  .feature {
    border-bottom: 1px solid var(--_b-border);
    padding-bottom: 0.6rem;
  }
  .feature:last-child {
    border-bottom: 0;
  }
  .feature-name {
    font-weight: 600;
    flex: 1 1 10rem;
  }
  .meter {
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_b-subtle);
    border: 1px solid var(--_b-border);
    overflow: hidden;
    margin: 0.4rem 0 0.2rem;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--_b-accent);
  }
  .meter.warning .fill {
    background: var(--_b-warning);
  }
  .meter.danger .fill {
    background: var(--_b-danger);
  }
  .usage.over {
    color: var(--_b-danger);
    font-weight: 600;
  }
`;
