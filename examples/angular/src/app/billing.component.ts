// #region readme
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { BillingChangedEvent, BillingRedirectEvent } from 'billing-panel';
import { BillingPanelDirective } from './billing-panel.directive';
import { baseUrl, getToken, redirectHosts } from './session';

@Component({
  selector: 'app-billing',
  imports: [BillingPanelDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <billing-panel
      [baseUrl]="baseUrl"
      [redirectHosts]="redirectHosts"
      [tokenProvider]="tokenProvider"
      (billing-redirect)="onRedirect($event)"
      (billing-changed)="onChanged($event)"
    ></billing-panel>
    <p>Last event: {{ last() }}</p>
  `,
})
export class BillingComponent {
  readonly baseUrl = baseUrl;
  readonly redirectHosts = redirectHosts;
  readonly tokenProvider = () => getToken();
  readonly last = signal('none');

  onRedirect(event: BillingRedirectEvent) {
    event.preventDefault(); // the app navigates itself
    this.last.set(`billing-redirect ${event.detail.kind}`);
  }
  onChanged(event: BillingChangedEvent) {
    this.last.set(`billing-changed ${event.detail.action}`);
  }
}
// #endregion
