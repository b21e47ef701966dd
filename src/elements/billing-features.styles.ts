import { css } from 'lit';

export const featuresStyles = css`
  /* One feature per group of the description list: its name and state on a line, its details below. */
  dl.features {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_b-space) * 0.75);
    margin: 0;
  }
  .feature {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 calc(var(--_b-space) * 0.5);
    align-items: center;
    border-bottom: 1px solid var(--_b-border);
    padding-bottom: 0.6rem;
  }
  .feature:last-child {
    border-bottom: 0;
  }
  .feature > dt,
  .feature > dd {
    margin: 0;
    min-width: 0;
  }
  .feature-name {
    font-weight: 600;
    color: var(--_b-text);
  }
  .feature-detail,
  .feature.disabled > .feature-state {
    grid-column: 1 / -1;
  }
  .meter {
    display: block;
    width: 100%;
    height: 0.5rem;
    margin: 0.4rem 0 0.2rem;
    appearance: none;
    border: 1px solid var(--_b-border);
    border-radius: 999px;
    background: var(--_b-subtle);
    overflow: hidden;
  }
  .meter::-webkit-meter-bar {
    background: var(--_b-subtle);
    border: 0;
    border-radius: 999px;
    height: 100%;
  }
  .meter::-webkit-meter-optimum-value {
    background: var(--_b-accent);
  }
  .meter::-webkit-meter-suboptimum-value {
    background: var(--_b-warning);
  }
  .meter::-webkit-meter-even-less-good-value {
    background: var(--_b-danger);
  }
  .meter::-moz-meter-bar {
    background: var(--_b-accent);
  }
  .usage.over {
    color: var(--_b-danger);
    font-weight: 600;
  }
`;
