import { adoptable } from './adopt.js';

/** One invoice per row: date and number, amount, status, links; two lines when narrow. Adopted by each element that shows invoices. */
export const invoiceStyles = adoptable(`
  .invoice {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 7rem 7rem 11.5rem;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_b-border);
  }
  .invoice:first-child {
    border: 0;
    padding: 0;
  }
  .invoice > * {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .invoice small {
    display: block;
  }
  .amount {
    font-weight: 600;
    text-align: end;
  }
  .invoice .badge {
    justify-self: start;
  }
  .links {
    justify-content: flex-end;
  }
  .links a {
    padding: 0.25em;
  }
  .invoice .action-error {
    grid-column: 1 / -1;
  }
  .more {
    margin-top: 0.75rem;
  }
  /* Narrow: date and number | amount, then status | links. */
  @container (max-width: 36rem) {
    .invoice {
      grid-template-columns: minmax(0, 1fr) auto auto;
    }
    .invoice > :first-child,
    .links {
      grid-column: span 2;
    }
  }
`);
