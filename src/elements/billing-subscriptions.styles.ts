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
  .payment-notice {
    color: var(--_b-text);
    margin-top: 0.35rem;
  }
  .payment-notice strong {
    color: var(--_b-danger);
  }
  .card.needs-payment {
    border-color: var(--_b-danger);
  }
  .card:focus-visible {
    outline: 3px solid var(--_b-accent);
    outline-offset: 2px;
  }
  .past {
    margin-top: calc(var(--_b-space) * 1.25);
  }
  .past-heading {
    color: var(--_b-muted);
  }
  .past .card {
    background: var(--_b-subtle);
  }
  .more {
    margin-top: 0.75rem;
  }
`;
