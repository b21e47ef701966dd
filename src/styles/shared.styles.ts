import { css } from 'lit';
import { controlStyles } from './controls.styles.js';
import { themeStyles } from './theme.styles.js';

/** Headings, text, badges and tones. */
export const textStyles = css`
  h2,
  h3,
  h4,
  h5 {
    margin: 0 0 calc(var(--_b-space) * 0.5);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  h4,
  h5 {
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
    max-width: 100%;
    overflow-wrap: anywhere;
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
`;

/** Notices, skeletons, cards and layout. */
export const layoutStyles = css`
  /* A notice is a tinted band, not a box inside the panel's box. */
  .notice {
    border-radius: var(--_b-radius);
    padding: calc(var(--_b-space) * 0.75);
    border: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_b-space) * 0.5);
    align-items: center;
    justify-content: space-between;
  }
  .notice > p {
    color: var(--_b-text);
  }
  .skeleton-title {
    width: 40%;
    height: 1.25rem !important;
  }
  .skeleton-cards {
    display: grid;
    gap: calc(var(--_b-space) * 0.75);
  }
  .skeleton-cards.grid {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }
  .skeleton-row + .skeleton-row {
    margin-top: 0.75rem;
  }
  /* Label/value pairs as the content's dl: two columns when wide, one when narrow (below). */
  .skeleton-pairs {
    display: grid;
    grid-template-columns: 7rem minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin-top: 0.5rem;
  }
  .skeleton-pairs > .skeleton {
    margin: 0.25rem 0;
  }
  .skeleton-term {
    width: 6rem;
  }
  /* Buttons as the content's actions: one filled button, quiet links after it. */
  .skeleton-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_b-space) * 0.5);
    align-items: center;
    margin-top: 0.75rem;
  }
  .skeleton-toolbar {
    margin: 0 0 var(--_b-space);
  }
  .skeleton.skeleton-button {
    width: 11rem;
    height: 2.4rem;
    margin: 0;
    border-radius: var(--_b-radius);
  }
  .skeleton.skeleton-button.quiet {
    width: 9rem;
    height: 1.25rem;
  }
  .skeleton.skeleton-button.toggle {
    width: 6rem;
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
    overflow-wrap: break-word;
  }
  .nowrap {
    white-space: nowrap;
  }
  /* Narrow (a phone, a sidebar): terms above their values, actions full width. */
  @container (max-width: 26rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd + dt {
      margin-top: 0.4rem;
    }
    .actions > button:not(.quiet),
    .skeleton-actions:not(.skeleton-toolbar) > .skeleton-button:not(.quiet) {
      flex: 1 1 100%;
    }
    .skeleton-pairs {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
`;

/** What every billing element shares, in cascade order. */
export const sharedStyles = [themeStyles, textStyles, controlStyles, layoutStyles];
