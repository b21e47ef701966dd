import { Component, signal } from '@angular/core';
import { BillingComponent } from './billing.component';

/** The host page: re-renders on demand and mounts/unmounts the billing section. */
@Component({
  selector: 'app-root',
  imports: [BillingComponent],
  template: `
    <main>
      <h1>Angular settings</h1>
      <button type="button" (click)="renders.set(renders() + 1)">Re-render</button>
      <button type="button" (click)="shown.set(!shown())">{{ shown() ? 'Hide billing' : 'Show billing' }}</button>
      <p>Renders: {{ renders() }}</p>
      @if (shown()) {
        <app-billing />
      }
    </main>
  `,
})
export class AppComponent {
  readonly renders = signal(1);
  readonly shown = signal(true);
}
