import { css } from 'lit';

export const plansStyles = css`
  .toggle {
    margin-bottom: 0.75rem;
  }
  .merchant + .merchant {
    margin-top: 1.25rem;
  }
  .merchant-head {
    margin-bottom: 0.5rem;
  }
  .merchant-name {
    margin: 0;
  }
  .grid {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }
  .plan {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  .plan.current {
    border-color: var(--_b-accent);
    border-width: 2px;
  }
  .plan-name {
    margin: 0;
    flex: 1 1 8rem;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .price {
    font-size: 1.1rem;
    font-weight: 700;
  }
  /* Buttons at the bottom of every card, in line across the row. */
  .plan > .actions {
    margin-top: auto;
    padding-top: 0.75rem;
  }
  .plan > .actions > button {
    width: 100%;
  }
  .plan:focus-visible {
    outline: 3px solid var(--_b-accent);
    outline-offset: 2px;
  }
  .switch-note {
    margin-bottom: 0.5rem;
  }
  .highlights {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
  }
`;
