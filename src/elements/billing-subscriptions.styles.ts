import { css } from 'lit';

export const subscriptionsStyles = css`
  .plan-name {
    margin: 0;
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .price {
    font-weight: 600;
    margin-top: 0.25rem;
  }
  .cancels {
    color: var(--_b-warning);
    background: none;
    margin-top: 0.25rem;
    font-weight: 600;
  }
  .notice {
    margin-top: 0.75rem;
  }
  .more {
    margin-top: 0.75rem;
  }
`;
