// Type tests, run by check-types.mjs: ngc (strictTemplates) must report an error on the line
// after each "expect-error" comment of this template, and none elsewhere.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { BillingPanelDirective } from '../app/billing-panel.directive';

@Component({
  selector: 'app-type-tests',
  imports: [BillingPanelDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <billing-panel [tokenProvider]="provider" theme="dark" (billing-changed)="action = $event.detail.action"></billing-panel>
    <!-- expect-error: a token provider is a function -->
    <billing-panel [tokenProvider]="42"></billing-panel>
    <!-- expect-error: theme is light | dark | auto -->
    <billing-panel [theme]="'blue'"></billing-panel>
    <!-- expect-error: the detail is typed: no such property -->
    <billing-panel (billing-changed)="action = $event.detail.actions"></billing-panel>
  `,
})
export class TypeTestsComponent {
  provider = () => 'token';
  action = '';
}
