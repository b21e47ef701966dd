/** A meta for one billing element used on its own, with its own base-url and token. */
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { StoryScenario } from '../src/testing/fake-api/browser.js';
import { configOf, scenarioLoader, type BillingParameters } from './support.js';

export interface ElementArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
}

export function elementMeta(tag: string, ready: string): Meta<ElementArgs> {
  const name = unsafeStatic(tag);
  return {
    title: tag,
    component: tag,
    loaders: [scenarioLoader],
    args: { locale: 'en', theme: 'light' },
    argTypes: {
      locale: { control: 'select', options: ['en', 'ja', 'th', 'zh', 'zh-TW', 'th-u-ca-gregory'] },
      theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    },
    parameters: { ready },
    render: (args, { loaded, parameters }) => {
      const config = configOf(loaded['billing'] as StoryScenario, parameters as BillingParameters);
      return html`${staticHtml`<${name}
        base-url=${config.baseUrl ?? ''}
        .token=${config.token}
        locale=${args.locale}
        theme=${args.theme}
        redirect-hosts=${config.redirectHosts}
      ></${name}>`}`;
    },
  };
}
