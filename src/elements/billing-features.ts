import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feature } from '../api/schemas.js';
import type { ResourceName } from '../session/state.js';
import { formatNumber } from '../i18n/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { BillingElement } from './billing-element.js';
import { featuresStyles } from './billing-features.styles.js';

/**
 * @summary The features (entitlements) the account has: enabled or not, and usage against
 * its limit with an accessible meter, or "Unlimited".
 * @tag billing-features
 * @csspart base - The section.
 * @csspart heading - The section's heading.
 * @csspart feature - One feature: its name (a term), its state and its details (definitions).
 * @csspart meter - A usage meter.
 * @csspart skeleton - A loading placeholder line.
 * @csspart error - The error notice with its retry button.
 * @fires {BillingErrorEvent} billing-error - When used on its own: a request failed.
 * @fires {BillingLoadedEvent} billing-loaded - When used on its own: its data arrived.
 * @fires {BillingTokenExpiredEvent} billing-token-expired - When used on its own: the session expired.
 */
export class BillingFeatures extends BillingElement {
  static override styles = [sharedStyles, featuresStyles];
  protected readonly resources: readonly ResourceName[] = ['features'];

  private renderUsage(feature: Feature, name: string, locale: string) {
    const unit = feature.unit;
    const n = (value: number) => formatNumber(value, locale);
    if (!feature.enabled) return nothing; // its state says it
    // The unit comes from the service as it is ("inboxes"): a placeholder of its own, never
    // next to a number (it cannot take a language's counter word, and lit-localize would
    // merge two placeholders with only a space between them into one).
    if (feature.limit === null) {
      // A feature without a unit is a plain flag: "Included" says it all.
      if (!unit && feature.usage === null) return nothing;
      if (feature.usage === null) return html`<p><strong>${msg('Unlimited')}</strong></p>`;
      const used = n(feature.usage);
      return html`<p>
        <strong>${msg('Unlimited')}</strong>
        <span class="muted"
          >· ${unit ? msg(str`${unit}: ${used} used`, { desc: 'Usage of an unlimited feature, after "Unlimited". The unit is the service\'s word, as it sent it (for example "requests").' }) : msg(str`${used} used`)}</span
        >
      </p>`;
    }
    const limit = n(feature.limit);
    if (feature.usage === null) {
      return html`<p>${unit ? msg(str`${unit}: up to ${limit}`, { desc: 'The limit of a feature. The unit is the service\'s word, as it sent it (for example "seats").' }) : msg(str`Up to ${limit}`)}</p>`;
    }
    const used = n(feature.usage);
    const ratio = feature.limit > 0 ? Math.min(1, feature.usage / feature.limit) : 1;
    const text = unit
      ? msg(str`${unit}: ${used} of ${limit} used`, { desc: 'Usage against the limit. The unit is the service\'s word, as it sent it (for example "inboxes").' })
      : msg(str`${used} of ${limit} used`);
    const tone = ratio >= 1 ? 'danger' : ratio >= 0.8 ? 'warning' : 'ok';
    // A native <meter>: accessible as a meter, and no inline style (strict CSP).
    return html`<meter
        class="meter ${tone}"
        part="meter"
        aria-label=${name}
        aria-valuetext=${text}
        min="0"
        max=${feature.limit}
        low=${feature.limit * 0.8}
        high=${feature.limit}
        optimum="0"
        .value=${Math.min(feature.usage, feature.limit)}
      ></meter>
      <p class="usage ${tone === 'danger' ? 'over' : ''}">${text}</p>`;
  }

  /**
   * A description list: each feature's name is a term and its state ("Included", "Not
   * included in your plan") its first definition, so the state is read as what the feature
   * is, never as part of its name; the description and the usage follow as definitions.
   */
  private renderFeatures(features: Feature[]) {
    const { locale } = this.billing!;
    if (features.length === 0) return html`<p class="muted empty">${msg('No features yet.')}</p>`;
    return html`<dl class="features">
      ${features.map((feature) => {
        const name = feature.name || feature.key;
        const usage = this.renderUsage(feature, name, locale);
        return html`<div class="feature ${feature.enabled ? 'enabled' : 'disabled'}" part="feature" data-feature-key=${feature.key}>
          <dt class="feature-name wrap">${name}</dt>
          <dd class="feature-state">
            ${feature.enabled
              ? html`<span class="badge tone-success">${msg('Included')}</span>`
              : html`<span class="muted">${msg('Not included in your plan')}</span>`}
          </dd>
          ${feature.description || usage !== nothing
            ? html`<dd class="feature-detail">${feature.description ? html`<p class="muted wrap">${feature.description}</p>` : nothing}${usage}</dd>`
            : nothing}
        </div>`;
      })}
    </dl>`;
  }

  override render() {
    return this.renderSection('features-heading', msg('Features'), (state) =>
      this.renderResource('features', state.features, msg('Could not load features.'), (features) => this.renderFeatures(features), { rows: 4, lines: 3 }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-features': BillingFeatures;
  }
}
