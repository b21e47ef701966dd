// #region readme
import { Directive, ElementRef, effect, inject, input } from '@angular/core';
import type { BillingPanel } from 'billing-panel';
import 'billing-panel/define.js'; // registers <billing-panel>

/**
 * Typed property bindings for <billing-panel> under strictTemplates: `[tokenProvider]="42"`
 * fails the build. (With CUSTOM_ELEMENTS_SCHEMA alone any binding is accepted; Angular
 * already types `(billing-…)` events from the package's HTMLElementEventMap.)
 */
@Directive({ selector: 'billing-panel' })
export class BillingPanelDirective {
  readonly baseUrl = input<BillingPanel['baseUrl']>();
  readonly accountId = input<BillingPanel['accountId']>();
  readonly locale = input<BillingPanel['locale']>();
  readonly redirectHosts = input<BillingPanel['redirectHosts']>();
  readonly theme = input<BillingPanel['theme']>();
  readonly tokenProvider = input<BillingPanel['tokenProvider']>();

  constructor() {
    const panel = inject<ElementRef<BillingPanel>>(ElementRef).nativeElement;
    effect(() => {
      panel.baseUrl = this.baseUrl();
      panel.accountId = this.accountId();
      panel.locale = this.locale();
      panel.redirectHosts = this.redirectHosts();
      panel.theme = this.theme();
      panel.tokenProvider = this.tokenProvider();
    });
  }
}
// #endregion
