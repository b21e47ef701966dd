import { css } from 'lit';

/**
 * Theme tokens. Public custom properties
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

export const themeStyles = css`
  /*
   * A system UI stack covering Thai and CJK at a matching size when the page sets no font
   * (not the browser's Times). A page rule on the element wins over :host, so
   * \`billing-panel { font-family: inherit }\` takes the page's font.
   */
  :host {
    display: block;
    color-scheme: light;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      'Helvetica Neue',
      Arial,
      'Noto Sans Thai',
      'Leelawadee UI',
      Thonburi,
      'Hiragino Sans',
      'Noto Sans JP',
      'Yu Gothic UI',
      'PingFang SC',
      'Noto Sans SC',
      'Microsoft YaHei',
      'PingFang TC',
      'Noto Sans TC',
      'Microsoft JhengHei',
      sans-serif;
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
    /* --billing-font names a font; else the host's font-family (see :host). */
    --_b-font: var(--billing-font, inherit);
    font-family: var(--_b-font);
    accent-color: var(--_b-accent);
    container-type: inline-size;
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
`;
