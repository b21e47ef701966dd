// Type tests (tsc --noEmit): what the billing-panel/react components must refuse.
import { BillingPanel, BillingPlans } from 'billing-panel/react';

export const refused = (
  <>
    {/* @ts-expect-error a token provider is a function */}
    <BillingPanel baseUrl="https://api.example.com" tokenProvider={42} />
    {/* @ts-expect-error theme is light | dark | auto */}
    <BillingPanel baseUrl="https://api.example.com" theme="blue" />
    {/* @ts-expect-error no such prop */}
    <BillingPanel baseUrl="https://api.example.com" tokenProvidr={() => 'x'} />
    <BillingPlans
      onBillingChanged={(event) => {
        // @ts-expect-error the detail is typed: no such action
        if (event.detail.action === 'upgrade') return;
      }}
    />
  </>
);
